using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Portal.Core;
using Portal.Web.Setup;

namespace Portal.Web.Hosting;

/// <summary>
/// The data-protection key ring (it protects sign-in cookies, anti-forgery tokens, TempData):
/// stored in a folder every node shares (<c>Portal:DataProtection:KeysPath</c>, default
/// <c>App_Data/keys</c>), and encrypted at rest with a certificate from configuration
/// (<c>Certificate:Path</c> + <c>Password</c>, or <c>Certificate:Thumbprint</c> in the
/// operating system's store). Keys written under an earlier certificate stay readable while it
/// is listed under <c>PreviousCertificates</c> (rotation, docs/operations.md). Outside Development
/// the portal refuses to start without a certificate unless <c>AllowUnprotectedKeys</c> is true.
/// </summary>
public sealed class KeyProtection
{
    public const string Section = "Portal:DataProtection";

    private KeyProtection(X509Certificate2? certificate, IReadOnlyList<X509Certificate2> previous, string? error)
    {
        Certificate = certificate;
        Previous = previous;
        Error = error;
    }

    /// <summary>The certificate new keys are encrypted with; null when none is configured.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Certificates of earlier rotations, kept to decrypt the keys they encrypted.</summary>
    public IReadOnlyList<X509Certificate2> Previous { get; }

    /// <summary>Why a configured certificate could not be used (reported at start, in Vietnamese and English).</summary>
    public string? Error { get; }

    /// <summary>
    /// Reads the certificates named by configuration. Done while services are registered (the
    /// data-protection API takes certificates, not a factory), so it never throws: a problem is
    /// kept in <see cref="Error"/> and stops the start in <see cref="EnsureUsable"/>.
    /// </summary>
    public static KeyProtection Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        try
        {
            var current = LoadCertificate(section.GetSection("Certificate"), environment);
            var previous = section.GetSection("PreviousCertificates").GetChildren()
                .Select(c => LoadCertificate(c, environment))
                .OfType<X509Certificate2>()
                .ToList();
            return new KeyProtection(current, previous, null);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return new KeyProtection(null, [], ex.Message);
        }
    }

    /// <summary>
    /// Called before anything else at start (server and command line). Refuses a configured
    /// certificate that could not be used, and, outside Development, a key ring left in clear
    /// without the explicit opt-out <c>AllowUnprotectedKeys=true</c>.
    /// </summary>
    public static void EnsureUsable(IServiceProvider services)
    {
        var protection = services.GetRequiredService<KeyProtection>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (protection.Error is { } error)
        {
            throw new SetupException(
                $"Không khởi động: không dùng được chứng thư số mã hóa khóa bảo vệ dữ liệu ({Section}:Certificate): {error}\n" +
                $"Refusing to start: the data-protection key certificate ({Section}:Certificate) cannot be used: {error}");
        }

        var section = configuration.GetSection(Section);
        if (protection.Certificate is null && (section["Certificate:Path"] is { Length: > 0 } || section["Certificate:Thumbprint"] is { Length: > 0 }))
        {
            // Only a host that adds configuration after registering services (a test factory) gets here.
            throw new SetupException(
                $"Không khởi động: chứng thư số ({Section}:Certificate) được đặt sau khi ứng dụng đã đăng ký dịch vụ; hãy đặt nó trong appsettings hoặc biến môi trường.\n" +
                $"Refusing to start: {Section}:Certificate was configured after the services were registered; set it in appsettings or environment variables.");
        }

        if (protection.Certificate is null && !environment.IsDevelopment() && !section.GetValue<bool>("AllowUnprotectedKeys"))
        {
            throw new SetupException(
                "Không khởi động: khóa bảo vệ cookie đăng nhập và mã chống giả mạo (data-protection) sẽ được lưu không mã hóa. " +
                $"Hãy đặt chứng thư số để mã hóa: {Section}:Certificate:Path (tệp .pfx) và {Section}:Certificate:Password, " +
                $"hoặc {Section}:Certificate:Thumbprint (kho chứng thư của hệ điều hành); nếu chấp nhận rủi ro, đặt {Section}:AllowUnprotectedKeys=true. Xem docs/operations.md.\n" +
                "Refusing to start: the data-protection key ring would be stored unencrypted. " +
                $"Set {Section}:Certificate:Path (+ Password) or {Section}:Certificate:Thumbprint, or opt out explicitly with {Section}:AllowUnprotectedKeys=true (see docs/operations.md).");
        }
    }

    private static X509Certificate2? LoadCertificate(IConfiguration section, IHostEnvironment environment)
    {
        X509Certificate2 certificate;
        if (section["Path"] is { Length: > 0 } path)
        {
            var full = Path.GetFullPath(path, environment.ContentRootPath);
            if (!File.Exists(full))
            {
                throw new IOException($"không tìm thấy tệp / file not found: {full}");
            }

            certificate = section["KeyPath"] is { Length: > 0 } keyPath
                ? X509Certificate2.CreateFromPemFile(full, Path.GetFullPath(keyPath, environment.ContentRootPath))
                : X509CertificateLoader.LoadPkcs12FromFile(full, section["Password"]);
        }
        else if (section["Thumbprint"] is { Length: > 0 } thumbprint)
        {
            certificate = FindInStores(thumbprint.Replace(" ", "", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"không có chứng thư {thumbprint} trong kho My của người dùng hay của máy / no certificate {thumbprint} in the CurrentUser or LocalMachine My store");
        }
        else
        {
            return null;
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is not { } key)
        {
            throw new InvalidOperationException($"chứng thư {certificate.Subject} cần khóa bí mật RSA / certificate {certificate.Subject} needs an RSA private key");
        }

        key.Dispose();
        return certificate;
    }

    private static X509Certificate2? FindInStores(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (CryptographicException)
            {
                continue; // no such store on this machine
            }

            if (store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false) is [var found, ..])
            {
                return found;
            }
        }

        return null;
    }
}

public static class KeyProtectionServiceCollectionExtensions
{
    /// <summary>Data protection for every node: the shared key folder, and the key ring encrypted with the configured certificate.</summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var protection = KeyProtection.Load(configuration, environment);
        services.AddSingleton(protection);
        var builder = services.AddDataProtection().SetApplicationName("Portal.Orchard");
        // Resolved when first needed, so configuration added after registration (tests, hosts) applies.
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, IHostEnvironment, ILoggerFactory>((options, configured, host, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysFolder(configured, host)), loggers));
        if (protection.Certificate is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate);
            builder.UnprotectKeysWithAnyCertificate([certificate, .. protection.Previous]);
        }

        return services;
    }

    /// <summary>Keys must survive restarts and be shared by all nodes: point this at shared storage.</summary>
    public static string KeysFolder(IConfiguration configuration, IHostEnvironment environment) =>
        configuration[$"{KeyProtection.Section}:KeysPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(PortalPaths.DataFolder(environment), "keys");
}
