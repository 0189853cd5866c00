using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Testing;

/// <summary>A concrete context for unit tests: the platform model plus the contributors a test names.</summary>
public sealed class TestPortalDbContext(DbContextOptions<TestPortalDbContext> options, ICurrentTenant currentTenant, IReadOnlyList<IModelContributor> contributors)
    : PortalDbContext(options, currentTenant, contributors)
{
    /// <summary>Tells models of different contributor sets apart in EF's model cache.</summary>
    public string ModelKey { get; } = string.Join(",", contributors.Select(c => c.GetType().FullName));
}

/// <summary>
/// An in-memory SQLite database shared by the contexts a test opens, one per tenant,
/// created from the model of the given contributors. Dispose it at the end of the test.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly IModelContributor[] _contributors;

    /// <summary>The platform's audit table plus the named contributors (for tests of the data layer itself).</summary>
    public SqliteTestDatabase(params IModelContributor[] contributors)
        : this(new List<IModelContributor> { new AuditModel() }.Concat(contributors).ToList())
    {
    }

    private SqliteTestDatabase(List<IModelContributor> contributors)
    {
        _contributors = [.. contributors];
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        using var context = CreateContext(null);
        context.Database.EnsureCreated();
    }

    /// <summary>A database of exactly the given model (the contributors a container registers).</summary>
    public static SqliteTestDatabase ForModel(IEnumerable<IModelContributor> contributors) => new(contributors.ToList());

    /// <summary>A context for the given tenant (null: no tenant, sees and writes nothing).</summary>
    public TestPortalDbContext CreateContext(TenantDescriptor? tenant)
    {
        var current = new CurrentTenant();
        if (tenant is not null)
        {
            current.Set(tenant);
        }

        var options = new DbContextOptionsBuilder<TestPortalDbContext>()
            .UseSqlite(_connection)
            // The model depends on the contributors, which differ between test classes.
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ContributorsModelCacheKeyFactory>()
            .Options;
        return new TestPortalDbContext(options, current, _contributors);
    }

    public static TenantDescriptor NewTenant(string name) => new()
    {
        Id = TenantIds.New(),
        Name = name,
        DisplayName = name,
    };

    public void Dispose() => _connection.Dispose();
}

internal sealed class ContributorsModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, context is TestPortalDbContext test ? test.ModelKey : "");
}
