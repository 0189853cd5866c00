using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Portal.Integration.Tests;

/// <summary>
/// The real app (Program) on a real database of its own: a SQLite file in a temp folder, or a
/// fresh PostgreSQL database on the test command's cluster, connected as a non-owner role so
/// row-level security applies. Provisioned by the same recipes as the product (demo included).
/// </summary>
public abstract class PortalAppFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Kiem-Thu-2026-Mat-Khau";
    public const string BaseDomain = "thainguyen.localhost";

    private readonly string _keys = Directory.CreateTempSubdirectory("portal-it-keys-").FullName;
    private readonly string _media = Directory.CreateTempSubdirectory("portal-it-media-").FullName;

    /// <summary>Root of the media files this app stores (a temp folder of its own).</summary>
    public string MediaRoot => _media;

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>(Database.Settings())
        {
            ["Portal:Tenants:BaseDomain"] = BaseDomain,
            ["Portal:Setup:Demo"] = "true",
            ["Portal:Setup:AdminPassword"] = AdminPassword,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Portal:DataProtection:KeysPath"] = _keys,
            // Throwaway keys of a test run: no certificate (KeyProtectionTests covers the encrypted ring).
            ["Portal:DataProtection:AllowUnprotectedKeys"] = "true",
            ["Portal:Media:StoragePath"] = _media,
        }));
    }

    /// <summary>
    /// A client whose requests carry <c>Host: {host}</c>; cookies kept, redirects not followed. It
    /// talks HTTPS, as browsers do in production: outside Development the portal's cookies are Secure.
    /// </summary>
    public HttpClient ClientFor(string host, string scheme = "https") =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"{scheme}://{host}/"), AllowAutoRedirect = false, HandleCookies = true });

    public static string HostOf(string label) => label == "Default" ? BaseDomain : $"{label}.{BaseDomain}";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Database.Dispose();
    }
}

// Not sealed: a test's factory may run the same SQLite app with settings of its own.
public class SqliteAppFactory() : PortalAppFactory(new SqliteFileDatabase("portal-it-"));

public sealed class PostgresAppFactory() : PortalAppFactory(new PostgresDatabase())
{
    public static string? AdminConnectionString => PostgresDatabase.AdminConnectionString;
}
