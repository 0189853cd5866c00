using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Portal.Integration.Tests;

/// <summary>
/// The real app (Program) on a real database of its own: a SQLite file in a temp folder, or a
/// fresh PostgreSQL database on the test command's cluster, connected as a non-owner role so
/// row-level security applies. Provisioned by the same recipes as the product (demo included).
/// With <paramref name="fromTemplate"/>, the database, keys and media start as a copy of an app
/// of the same provider that ran the first-run setup once in this test run
/// (<see cref="ProvisionedTemplates"/>): provisioning the seven demo sites per test class was
/// most of the suite's time.
/// </summary>
public abstract class PortalAppFactory(TestDatabase database, bool fromTemplate = false) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Kiem-Thu-2026-Mat-Khau";
    public const string BaseDomain = "thainguyen.localhost";

    private readonly string _keys = Directory.CreateTempSubdirectory("portal-it-keys-").FullName;
    private readonly string _media = Directory.CreateTempSubdirectory("portal-it-media-").FullName;

    /// <summary>Root of the media files this app stores (a temp folder of its own).</summary>
    public string MediaRoot => _media;

    public TestDatabase Database { get; } = database;

    /// <summary>Folder of this app's data-protection keys (and initial password files).</summary>
    public string KeysFolder => _keys;

    /// <summary>Whether disposing leaves the database (a template's, copied by others) in place.</summary>
    protected virtual bool KeepsDatabase => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (fromTemplate)
        {
            ProvisionedTemplates.CopyInto(this);
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>(Database.Settings())
        {
            ["Portal:Tenants:BaseDomain"] = BaseDomain,
            ["Portal:Setup:Demo"] = "true",
            ["Portal:Setup:AdminPassword"] = AdminPassword,
            // The demo sites get the chosen password too, as on a developer's machine (tests of fresh
            // per-site passwords turn this off).
            ["Portal:Setup:SitesShareAdminPassword"] = "true",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Portal:DataProtection:KeysPath"] = _keys,
            // Throwaway keys of a test run: no certificate (KeyProtectionTests covers the encrypted ring).
            ["Portal:DataProtection:AllowUnprotectedKeys"] = "true",
            ["Portal:Media:StoragePath"] = _media,
            ["Portal:Setup:PasswordFilesPath"] = Path.Combine(_keys, "initial-passwords"),
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
        if (!KeepsDatabase)
        {
            Database.Dispose();
        }
    }
}

// Not sealed: a test's factory may run the same SQLite app with settings of its own (then not from the template).
public class SqliteAppFactory : PortalAppFactory
{
    public SqliteAppFactory()
        : this(fromTemplate: true)
    {
    }

    protected SqliteAppFactory(bool fromTemplate)
        : base(new SqliteFileDatabase("portal-it-"), fromTemplate)
    {
    }
}

public sealed class PostgresAppFactory() : PortalAppFactory(new PostgresDatabase(), fromTemplate: true)
{
    public static string? AdminConnectionString => PostgresDatabase.AdminConnectionString;
}
