using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Core.Data;

namespace Portal.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the configured provider's context as the platform's <see cref="PortalDbContext"/>.</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.PostgreSql:
                var connectionString = PostgresConnectionString(options);
                services.AddSingleton<PostgresTenantSessionInterceptor>();
                services.AddDbContext<PostgresPortalDbContext>((sp, db) => db
                    .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
                    .AddInterceptors(sp.GetRequiredService<PostgresTenantSessionInterceptor>()));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
                break;
            default:
                var sqlite = SqliteConnectionString(options, environment);
                services.AddDbContext<SqlitePortalDbContext>(db => db.UseSqlite(sqlite));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
                break;
        }

        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    /// <summary>Default: <c>App_Data/portal.db</c> under the content root.</summary>
    public static string SqliteConnectionString(DatabaseOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var folder = Path.Combine(environment.ContentRootPath, "App_Data");
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
            throw new InvalidOperationException("Portal:Database:ConnectionString is required when the provider is PostgreSql.");
        }

        return new NpgsqlConnectionStringBuilder(options.ConnectionString) { NoResetOnClose = false }.ToString();
    }
}
