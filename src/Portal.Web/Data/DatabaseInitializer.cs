using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Web.Data;

/// <summary>
/// Brings the database to the current model at start-up: migrations, SQLite's WAL mode, and on
/// PostgreSQL the application role, its grants and the row-level security policies.
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopeFactory,
    DatabaseOptions options,
    IEnumerable<IModelContributor> contributors,
    ILogger<DatabaseInitializer> logger)
{
    private const string PolicyName = "tenant_isolation";

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            await InitializePostgresAsync(db, cancellationToken).ConfigureAwait(false);
            return;
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        // WAL lets readers go on while one writer writes; the mode is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        LogMigrated(logger, "SQLite", (db.Database.GetDbConnection() as SqliteConnection)?.DataSource ?? "");
    }

    private async Task InitializePostgresAsync(PortalDbContext appContext, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.OwnerConnectionString))
        {
            LogNoOwner(logger);
            return;
        }

        var ownerOptions = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(options.OwnerConnectionString).Options;
        await using var owner = new PostgresPortalDbContext(ownerOptions, new CurrentTenant(), contributors);
        await owner.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);

        var app = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var role = Identifier(app.Username ?? throw new InvalidOperationException("The application's connection string needs a user name."));
        var statements = new List<string>
        {
            $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {Literal(app.Username)}) THEN
                CREATE ROLE {role} LOGIN PASSWORD {Literal(app.Password ?? "")} NOSUPERUSER NOBYPASSRLS;
              END IF;
            END $$;
            """,
            $"GRANT USAGE ON SCHEMA public TO {role};",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};",
        };

        // Every tenant-owned table gets the policy, derived from the model so a new module's tables are covered.
        foreach (var table in appContext.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.GetTableName() is not null)
                     .Select(t => Identifier(t.GetTableName()!))
                     .Distinct())
        {
            const string Current = "NULLIF(current_setting('" + PostgresTenantSessionInterceptor.SettingName + "', true), '')";
            statements.Add($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
            statements.Add($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
            statements.Add($"DROP POLICY IF EXISTS {PolicyName} ON {table};");
            statements.Add($"CREATE POLICY {PolicyName} ON {table} USING (\"{PortalDbContext.TenantIdColumn}\" = {Current}) WITH CHECK (\"{PortalDbContext.TenantIdColumn}\" = {Current});");
        }

        foreach (var sql in statements)
        {
#pragma warning disable EF1002 // identifiers come from the model and are quoted; values are quoted literals
            await owner.Database.ExecuteSqlRawAsync(sql, cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
        }

        LogMigrated(logger, "PostgreSQL", app.Database ?? "");
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}, {Database})")]
    private static partial void LogMigrated(ILogger logger, string provider, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No owner connection string: migrations and row-level security are left to the operator")]
    private static partial void LogNoOwner(ILogger logger);
}
