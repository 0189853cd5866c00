using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Web.Hosting;

namespace Portal.Web.Data;

// Used by `dotnet ef migrations add` only: the model is composed from the same module list as the app.

internal static class DesignTimeModel
{
    public static IModelContributor[] Contributors()
    {
        var services = new ServiceCollection();
        services.AddPortalPlatform(new ConfigurationBuilder().Build(), PortalModules.All());
        using var provider = services.BuildServiceProvider();
        return [.. provider.GetServices<IModelContributor>()];
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design.db").Options, new CurrentTenant(), DesignTimeModel.Contributors());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost").Options, new CurrentTenant(), DesignTimeModel.Contributors());
}
