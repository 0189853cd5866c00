using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Core.Data;

namespace Portal.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the configured provider's context as the platform's <see cref="PortalDbContext"/>.</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IHostEnvironment environment)
    {
        // Read when first needed, not now: hosts (and tests) may add configuration after registration.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions());
        services.AddSingleton<PostgresTenantSessionInterceptor>();
        // The options are built once (singleton lifetime), not per request: building them per scope
        // was ~10% of an uncached public page's CPU (options, extensions and their hash for EF's
        // internal service provider cache). They depend on singletons only.
        services.AddDbContext<PostgresPortalDbContext>((sp, db) => db
            .UseNpgsql(PostgresConnectionString(sp.GetRequiredService<DatabaseOptions>()))
            .AddInterceptors(sp.GetRequiredService<PostgresTenantSessionInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContext<SqlitePortalDbContext>((sp, db) => db
            .UseSqlite(SqliteConnectionString(sp.GetRequiredService<DatabaseOptions>(), environment)), optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.PostgreSql
            ? sp.GetRequiredService<PostgresPortalDbContext>()
            : sp.GetRequiredService<SqlitePortalDbContext>());
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<AuditPurge>();
        return services;
    }

    /// <summary>Default: <c>portal.db</c> in the local data folder (<see cref="Portal.Core.PortalPaths.DataFolder"/>).</summary>
    public static string SqliteConnectionString(DatabaseOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var folder = Portal.Core.PortalPaths.DataFolder(environment);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "portal.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The application's connection; the reset on close must stay on for row-level security.</summary>
    public static string PostgresConnectionString(DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            // `dotnet ef` builds every registered context's options while it looks for contexts.
            if (EF.IsDesignTime)
            {
                return "Host=localhost";
            }

            throw new InvalidOperationException("Portal:Database:ConnectionString is required when the provider is PostgreSql.");
        }

        // Multiplexing shares one physical connection between commands: the tenant setting is per connection.
        return new NpgsqlConnectionStringBuilder(options.ConnectionString) { NoResetOnClose = false, Multiplexing = false }.ToString();
    }
}
