using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>
/// The real app (Program) on a real loopback port, so a browser can reach it: a SQLite file in a
/// temp folder provisioned by the product's recipes (demo included), as in the integration tests.
/// Pages are opened as <c>http://{label}.thainguyen.localhost:{port}/</c>; browsers resolve
/// <c>*.localhost</c> to loopback themselves.
/// </summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Kiem-Thu-Trinh-Duyet-2026";
    public const string BaseDomain = "thainguyen.localhost";

    private readonly TempSqliteFolder _folder = new("portal-browser-");

    // Port 0: the OS picks a free port; the factory reads it back into ClientOptions.BaseAddress.
    public KestrelAppFactory() => UseKestrel(0);

    public int Port => ClientOptions.BaseAddress.Port;

    /// <summary>The address of <paramref name="path"/> on the site with this host label ("Default" is the province portal).</summary>
    public string UrlOf(string label, string path = "/") =>
        $"http://{(label == "Default" ? BaseDomain : $"{label}.{BaseDomain}")}:{Port}{path}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Modules' and themes' files (/_content/...) come from the build's manifest outside
        // Development too, as they come from wwwroot once published.
        builder.UseStaticWebAssets();
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "Sqlite",
            ["Portal:Database:ConnectionString"] = _folder.ConnectionString,
            ["Portal:Tenants:BaseDomain"] = BaseDomain,
            ["Portal:Setup:Demo"] = "true",
            ["Portal:Setup:AdminPassword"] = AdminPassword,
            ["Portal:DataProtection:KeysPath"] = Path.Combine(_folder.FullName, "keys"),
            // Throwaway keys of a test run: no certificate (KeyProtectionTests covers the encrypted ring).
            ["Portal:DataProtection:AllowUnprotectedKeys"] = "true",
            ["Portal:Media:StoragePath"] = Path.Combine(_folder.FullName, "media"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _folder.Dispose();
    }
}
