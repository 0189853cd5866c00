using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Core.Tenancy;

namespace Portal.Web.Data;

/// <summary>
/// Brings the database to the current model at start-up: migrations, SQLite's WAL mode, and on
/// PostgreSQL the application role, its grants and the row-level security policies.
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopeFactory,
    DatabaseOptions options,
    IEnumerable<ModuleMigrations> moduleMigrations,
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

        await MigrateModulesAsync(DatabaseProvider.Sqlite, db.Database.GetConnectionString()!, cancellationToken).ConfigureAwait(false);
        // WAL lets readers go on while one writer writes; the mode is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        LogMigrated(logger, "SQLite", (db.Database.GetDbConnection() as SqliteConnection)?.DataSource ?? "");
    }

    private async Task InitializePostgresAsync(PortalDbContext appContext, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.OwnerConnectionString))
        {
            LogNoOwner(logger);
            await PostgresSafetyCheck.VerifyAsync(appContext, PolicyName, cancellationToken).ConfigureAwait(false);
            return;
        }

        await MigrateModulesAsync(DatabaseProvider.PostgreSql, options.OwnerConnectionString, cancellationToken).ConfigureAwait(false);
        var ownerOptions = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(options.OwnerConnectionString).Options;
        await using var owner = new PostgresPortalDbContext(ownerOptions, new CurrentTenant(), []);

        var app = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var role = Identifier(app.Username ?? throw new InvalidOperationException("The application's connection string needs a user name."));
        var statements = new List<string>
        {
            $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {Literal(app.Username)}) THEN
                CREATE ROLE {role} LOGIN PASSWORD {Literal(PostgresSafetyCheck.ScramVerifier(app.Password ?? ""))} NOSUPERUSER NOBYPASSRLS;
              END IF;
            END $$;
            """,
            $"GRANT USAGE ON SCHEMA public TO {role};",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};",
            // The audit trail is insert-only for the application (the chain's head, AuditChains, is not).
            $"REVOKE UPDATE, DELETE, TRUNCATE ON {Identifier(AuditModel.TableName)} FROM {role};",
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

        await PostgresSafetyCheck.VerifyAsync(appContext, PolicyName, cancellationToken).ConfigureAwait(false);
        LogMigrated(logger, "PostgreSQL", app.Database ?? "");
    }

    // Core first, then the modules in the host's order; each module has its own history table.
    private async Task MigrateModulesAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        foreach (var migrations in moduleMigrations)
        {
            await using var context = migrations.Create(provider, connectionString);
            await RefuseSharedHistoryLayoutAsync(context, cancellationToken).ConfigureAwait(false);
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            LogModuleMigrated(logger, context.ModuleName, provider);
        }
    }

    // Databases made before migrations moved into the modules have one shared history table;
    // the modules' migrations would try to create existing tables. Say so instead of failing there.
    private static async Task RefuseSharedHistoryLayoutAsync(ModuleMigrationsContext context, CancellationToken cancellationToken)
    {
        if (await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false) is { } applied && applied.Any())
        {
            return;
        }

        var creator = context.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var sql = context.Provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '__EFMigrationsHistory'";
        var legacy = await context.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken).ConfigureAwait(false);
        if (legacy > 0)
        {
            throw new InvalidOperationException(
                "Cơ sở dữ liệu được tạo bởi phiên bản cũ (lịch sử migration dùng chung). Hãy xoá thư mục App_Data (hoặc tạo lại cơ sở dữ liệu) rồi chạy lại. " +
                "The database predates module-owned migrations: delete App_Data (or recreate the database) and start again.");
        }
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}, {Database})")]
    private static partial void LogMigrated(ILogger logger, string provider, string database);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Migrations of {Module} applied ({Provider})")]
    private static partial void LogModuleMigrated(ILogger logger, string module, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No owner connection string: migrations and row-level security are left to the operator")]
    private static partial void LogNoOwner(ILogger logger);
}
