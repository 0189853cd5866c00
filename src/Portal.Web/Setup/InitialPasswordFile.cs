using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Web.Hosting;

namespace Portal.Web.Setup;

/// <summary>
/// Hands generated passwords to the operator of a command-line run (first run, <c>tenants create</c>,
/// <c>tenants import</c>): one new file per run, readable and writable by the operating-system user
/// that ran it only (0600, in a 0700 folder; <c>App_Data/initial-passwords</c> unless
/// <c>Portal:Setup:PasswordFilesPath</c> says otherwise). The caller prints the file's path, never a
/// password: standard output may be collected with the logs.
/// </summary>
public sealed class InitialPasswordFile(IHostEnvironment environment, IConfiguration configuration, IOptions<SetupOptions> options, TimeProvider clock)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Folder => options.Value.PasswordFilesPath is { Length: > 0 } configured
        ? Path.GetFullPath(configured, environment.ContentRootPath)
        : Path.Combine(PortalPaths.DataFolder(environment), "initial-passwords");

    /// <summary>Writes the passwords to a new file and returns its full path; null when there is none to write.</summary>
    public string? Write(IReadOnlyCollection<IssuedPassword> passwords, TenantDescriptor? portal = null)
    {
        ArgumentNullException.ThrowIfNull(passwords);
        if (passwords.Count == 0)
        {
            return null;
        }

        var urls = SiteUrls.FromConfiguration(configuration);
        var now = clock.GetUtcNow();
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Mật khẩu ban đầu, tạo lúc {VietnamTime.Format(now)}.")
            .AppendLine("# Mỗi mật khẩu chỉ dùng cho lần đăng nhập đầu: hệ thống bắt buộc đổi ngay sau đó.")
            .AppendLine("# Chuyển từng mật khẩu cho quản trị viên của đơn vị qua kênh an toàn rồi xóa tệp này.")
            .AppendLine("# trang;địa chỉ quản trị;tài khoản;mật khẩu");
        foreach (var issued in passwords)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{issued.Tenant.DisplayName};{urls.For(issued.Tenant, portal)}/admin;{issued.UserName};{issued.Password}");
        }

        var folder = Folder;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }

        var path = Path.Combine(folder, $"mat-khau-{now.UtcDateTime:yyyyMMdd-HHmmss}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}.txt");
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(path, file))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.Write(text.ToString());
        }

        return path;
    }

    /// <summary>What to print instead of the passwords.</summary>
    public static string Notice(string path, int count) =>
        $"Mật khẩu ban đầu của {count} tài khoản đã được ghi vào tệp {path} (chỉ tài khoản hệ điều hành đã chạy lệnh đọc được). " +
        "Mỗi tài khoản phải đổi mật khẩu ở lần đăng nhập đầu; hãy xóa tệp sau khi đã chuyển mật khẩu.";
}
