using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Web.Hosting;
using Portal.Web.Setup;

namespace Portal.Integration.Tests;

/// <summary>
/// The data-protection key ring at rest: encrypted with the configured certificate, readable by
/// every node holding the same store and certificate, and required outside Development.
/// </summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string CertificatePassword = "Chung-Thu-Kiem-Thu-2026";

    private readonly string _folder = Directory.CreateTempSubdirectory("portal-keyring-").FullName;

    private string KeysFolder => Path.Combine(_folder, "keys");

    [Fact]
    public async Task WithACertificate_TheKeyRingIsEncryptedAtRest_AndASecondNodeReadsTheFirstsCookiesAndTokens()
    {
        var certificate = WriteCertificate("portal-keys.pfx");
        var settings = Settings(new()
        {
            ["Portal:DataProtection:Certificate:Path"] = certificate,
            ["Portal:DataProtection:Certificate:Password"] = CertificatePassword,
        });

        string payload;
        AntiforgeryTokenSet tokens;
        await using (var first = PortalHosts.Build(settings))
        {
            KeyProtection.EnsureUsable(first.Services);
            payload = Protector(first).Protect("phiên đăng nhập của admin");
            tokens = first.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(HttpsContext(first));
        }

        var keyFiles = Directory.GetFiles(KeysFolder, "*.xml");
        Assert.NotEmpty(keyFiles);
        foreach (var file in keyFiles)
        {
            var xml = await File.ReadAllTextAsync(file);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }

        await using (var second = PortalHosts.Build(settings))
        {
            Assert.Equal("phiên đăng nhập của admin", Protector(second).Unprotect(payload));
            Assert.True(await second.Services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(PostCarrying(second, tokens)));
        }

        // Without the certificate the same store is unreadable: the keys really are encrypted.
        await using (var stranger = PortalHosts.Build(Settings(new() { ["Portal:DataProtection:AllowUnprotectedKeys"] = "true" })))
        {
            Assert.ThrowsAny<CryptographicException>(() => Protector(stranger).Unprotect(payload));
        }
    }

    [Fact]
    public async Task AfterRotation_KeysOfThePreviousCertificate_StayReadable()
    {
        var old = WriteCertificate("old.pfx");
        var current = WriteCertificate("new.pfx");
        string payload;
        await using (var before = PortalHosts.Build(Settings(new()
        {
            ["Portal:DataProtection:Certificate:Path"] = old,
            ["Portal:DataProtection:Certificate:Password"] = CertificatePassword,
        })))
        {
            payload = Protector(before).Protect("trước khi thay chứng thư");
        }

        await using var after = PortalHosts.Build(Settings(new()
        {
            ["Portal:DataProtection:Certificate:Path"] = current,
            ["Portal:DataProtection:Certificate:Password"] = CertificatePassword,
            ["Portal:DataProtection:PreviousCertificates:0:Path"] = old,
            ["Portal:DataProtection:PreviousCertificates:0:Password"] = CertificatePassword,
        }));
        await using var withoutTheOld = PortalHosts.Build(Settings(new()
        {
            ["Portal:DataProtection:Certificate:Path"] = current,
            ["Portal:DataProtection:Certificate:Password"] = CertificatePassword,
        }));

        Assert.Equal("trước khi thay chứng thư", Protector(after).Unprotect(payload));
        Assert.ThrowsAny<CryptographicException>(() => Protector(withoutTheOld).Unprotect(payload));
    }

    [Fact]
    public async Task OutsideDevelopment_WithoutACertificate_TheStartIsRefused_UnlessExplicitlyAllowed()
    {
        var settings = Settings(new() { ["Portal:DataProtection:AllowUnprotectedKeys"] = null });
        await using var production = PortalHosts.Build(settings, environment: "Production");
        await using var optedOut = PortalHosts.Build(Settings(new() { ["Portal:DataProtection:AllowUnprotectedKeys"] = "true" }), environment: "Production");
        await using var development = PortalHosts.Build(settings, environment: "Development");
        await using var wrongPassword = PortalHosts.Build(Settings(new()
        {
            ["Portal:DataProtection:Certificate:Path"] = WriteCertificate("keys.pfx"),
            ["Portal:DataProtection:Certificate:Password"] = "sai-mat-khau",
        }), environment: "Production");

        var refused = Assert.Throws<SetupException>(() => KeyProtection.EnsureUsable(production.Services));
        // The real start checks first, before the database is touched.
        await Assert.ThrowsAsync<SetupException>(() => production.InitializePortalAsync());
        KeyProtection.EnsureUsable(optedOut.Services);
        KeyProtection.EnsureUsable(development.Services);
        var badCertificate = Assert.Throws<SetupException>(() => KeyProtection.EnsureUsable(wrongPassword.Services));

        Assert.Contains("Không khởi động: khóa bảo vệ cookie đăng nhập", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Portal:DataProtection:Certificate:Path", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Portal:DataProtection:AllowUnprotectedKeys=true", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Refusing to start", refused.Message, StringComparison.Ordinal);
        Assert.Contains("không dùng được chứng thư số", badCertificate.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "db")));
    }

    private static IDataProtector Protector(IHost app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.Tests.KeyRing");

    /// <summary>A POST to the app carrying the anti-forgery cookie and header another node issued.</summary>
    private static DefaultHttpContext PostCarrying(IHost app, AntiforgeryTokenSet tokens)
    {
        var options = app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        var context = HttpsContext(app);
        context.Request.Method = HttpMethods.Post;
        context.Request.Headers.Cookie = $"{options.Cookie.Name}={tokens.CookieToken}";
        context.Request.Headers[tokens.HeaderName!] = tokens.RequestToken;
        return context;
    }

    private static DefaultHttpContext HttpsContext(IHost app)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString(PortalAppFactory.BaseDomain);
        return context;
    }

    /// <summary>The keys in this test's folder; no database is opened (a SQLite path that is never created).</summary>
    private Dictionary<string, string?> Settings(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "Sqlite",
            ["Portal:Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "db", "never.db")}",
            ["Portal:DataProtection:KeysPath"] = KeysFolder,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected PFX file.</summary>
    private string WriteCertificate(string fileName)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Portal.Orchard data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
