using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Web.Data;

// One subclass per provider, each with its own migrations (Data/Migrations/<Provider>).

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options, ICurrentTenant currentTenant, IEnumerable<IModelContributor> contributors)
    : PortalDbContext(options, currentTenant, contributors);

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options, ICurrentTenant currentTenant, IEnumerable<IModelContributor> contributors)
    : PortalDbContext(options, currentTenant, contributors);
