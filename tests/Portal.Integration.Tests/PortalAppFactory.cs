using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Portal.Testing;

namespace Portal.Integration.Tests;

/// <summary>
/// The real app (Program) on a real database of its own: a SQLite file in a temp folder, or a
/// fresh PostgreSQL database on the test command's cluster, connected as a non-owner role so
/// row-level security applies. Provisioned by the same recipes as the product (demo included).
/// </summary>
public abstract class PortalAppFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Kiem-Thu-2026-Mat-Khau";
    public const string BaseDomain = "thainguyen.localhost";

    private readonly string _keys = Directory.CreateTempSubdirectory("portal-it-keys-").FullName;
    private readonly string _media = Directory.CreateTempSubdirectory("portal-it-media-").FullName;

    /// <summary>Root of the media files this app stores (a temp folder of its own).</summary>
    public string MediaRoot => _media;

    protected abstract IDictionary<string, string?> DatabaseSettings();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>(DatabaseSettings())
        {
            ["Portal:Tenants:BaseDomain"] = BaseDomain,
            ["Portal:Setup:Demo"] = "true",
            ["Portal:Setup:AdminPassword"] = AdminPassword,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Portal:DataProtection:KeysPath"] = _keys,
            ["Portal:Media:StoragePath"] = _media,
        }));
    }

    /// <summary>A client whose requests carry <c>Host: {host}</c>; cookies kept, redirects not followed.</summary>
    public HttpClient ClientFor(string host) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/"), AllowAutoRedirect = false, HandleCookies = true });

    public static string HostOf(string label) => label == "Default" ? BaseDomain : $"{label}.{BaseDomain}";
}

public sealed class SqliteAppFactory : PortalAppFactory
{
    private readonly TempSqliteFolder _folder = new("portal-it-");

    protected override IDictionary<string, string?> DatabaseSettings() => new Dictionary<string, string?>
    {
        ["Portal:Database:Provider"] = "Sqlite",
        ["Portal:Database:ConnectionString"] = _folder.ConnectionString,
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _folder.Dispose();
    }
}

public sealed class PostgresAppFactory : PortalAppFactory
{
    public const string AppRole = "portal_app_test";
    public const string AppPassword = "portal_app_test_pw";

    private readonly string _database = "portal_it_" + Guid.NewGuid().ToString("N")[..12];
    private bool _created;

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");

    // Created on first use, so a skipped class never needs PostgreSQL.
    private void EnsureDatabase()
    {
        if (_created)
        {
            return;
        }

        using var connection = new NpgsqlConnection(AdminConnectionString ?? throw new InvalidOperationException("PORTAL_TEST_POSTGRES is not set: run ./test.sh, which starts PostgreSQL."));
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\" ENCODING 'UTF8'", connection);
        create.ExecuteNonQuery();
        _created = true;
    }

    public string OwnerConnectionString => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = _database, Pooling = false }.ToString();

    protected override IDictionary<string, string?> DatabaseSettings()
    {
        EnsureDatabase();
        return new Dictionary<string, string?>
        {
        ["Portal:Database:Provider"] = "PostgreSql",
        ["Portal:Database:OwnerConnectionString"] = OwnerConnectionString,
        ["Portal:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = _database,
            Username = AppRole,
            Password = AppPassword,
        }.ToString(),
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!_created)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}

