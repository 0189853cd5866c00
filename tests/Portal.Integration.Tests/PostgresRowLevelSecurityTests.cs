using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Users.Models;
using Portal.Web.Data;

namespace Portal.Integration.Tests;

/// <summary>
/// The second lock: with the EF filter switched off, PostgreSQL itself still hides and protects
/// other tenants' rows, because the app connects as a role that does not own the tables.
/// </summary>
[RequiresPostgres]
public sealed class PostgresRowLevelSecurityTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    private TenantDescriptor Tenant(string name) => app.Services.GetRequiredService<ITenantDirectory>().FindByName(name)!;

    [ProviderFact]
    public async Task StartupCheck_PassesTheAppRole_AndRefusesASuperuserThatOwnsTheTables()
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(Tenant("sotaichinh"));
        await PostgresSafetyCheck.VerifyAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), "tenant_isolation");

        var superuser = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(((PostgresDatabase)app.Database).OwnerConnectionString).Options;
        await using var asSuperuser = new PostgresPortalDbContext(superuser, new CurrentTenant(), []);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSafetyCheck.VerifyAsync(asSuperuser, "tenant_isolation"));
        Assert.Contains("is a superuser", refused.Message, StringComparison.Ordinal);
        Assert.Contains("owns table", refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("Không khởi động", refused.Message, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task TheAppRolesPassword_IsStoredAsAScramVerifier_AndNeverSentAsText()
    {
        await using var connection = new NpgsqlConnection(((PostgresDatabase)app.Database).OwnerConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT rolpassword FROM pg_authid WHERE rolname = @role", connection);
        query.Parameters.AddWithValue("role", PostgresDatabase.AppRole);
        var stored = (string?)await query.ExecuteScalarAsync();
        Assert.StartsWith("SCRAM-SHA-256$4096:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresDatabase.AppPassword, PostgresSafetyCheck.ScramVerifier(PostgresDatabase.AppPassword), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAppConnection_NeverMultiplexes()
    {
        var connection = DatabaseServiceCollectionExtensions.PostgresConnectionString(new DatabaseOptions { ConnectionString = "Host=db;Username=app;Multiplexing=true;No Reset On Close=true" });
        var parsed = new NpgsqlConnectionStringBuilder(connection);
        Assert.False(parsed.Multiplexing);
        Assert.False(parsed.NoResetOnClose);
    }

    [ProviderFact]
    public async Task WithoutTheEfFilter_RowsOfOtherTenantsStayInvisible()
    {
        var finance = Tenant("sotaichinh");
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(finance);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var items = await db.Set<ContentItem>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).ToListAsync();
        var users = await db.Set<PortalUser>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).ToListAsync();

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(finance.Id, i.TenantId));
        Assert.All(users, u => Assert.Equal(finance.Id, u.TenantId));
    }

    [ProviderFact]
    public async Task RawSql_CannotUpdateOrInsertRowsOfAnotherTenant()
    {
        var finance = Tenant("sotaichinh");
        var ward = Tenant("phandinhphung");
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(finance);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var updated = await db.Database.ExecuteSqlAsync($"UPDATE \"ContentItems\" SET \"DisplayText\" = 'hijacked' WHERE \"TenantId\" = {ward.Id}");
        Assert.Equal(0, updated);

        var insert = () => db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"AuditEntries\" (\"TenantId\", \"AtUtc\", \"Actor\", \"Action\") VALUES ({ward.Id}, now(), 'x', 'forged')");
        var error = await Assert.ThrowsAsync<PostgresException>(insert);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [ProviderFact]
    public async Task AfterARollback_TheSameOpenConnectionStillSeesItsOwnRows()
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(Tenant("sotaichinh"));
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.True(await db.Set<ContentItem>().AnyAsync());
            await transaction.RollbackAsync();
        }

        // The rollback undid the session's tenant setting; the next command must set it again.
        Assert.True(await db.Set<ContentItem>().AnyAsync());
    }

    [ProviderFact]
    public async Task AConnectionWithNoTenant_SeesNothing()
    {
        var settings = new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<Portal.Web.Data.DatabaseOptions>().ConnectionString);
        await using var connection = new NpgsqlConnection(settings.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"ContentItems\"", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [ProviderFact]
    public async Task PooledConnections_CarryTheTenantOfTheirCurrentUser()
    {
        // Alternate tenants many times over a small pool: each context must see only its own rows.
        var tenants = new[] { Tenant("sotaichinh"), Tenant("phandinhphung"), Tenant("phuluong") };
        for (var round = 0; round < 30; round++)
        {
            var tenant = tenants[round % tenants.Length];
            await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var owners = await db.Set<ContentItem>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).Select(i => i.TenantId).Distinct().ToListAsync();
            Assert.Equal([tenant.Id], owners);
        }
    }
}
