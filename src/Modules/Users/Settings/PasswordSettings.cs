using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Portal.Core.Settings;

namespace Portal.Modules.Users.Settings;

/// <summary>
/// A tenant's password rules (section <c>passwords</c>), checked on every path that sets a password:
/// self-service change, an administrator's reset, the <c>users</c> recipe step, the first run and the
/// command line. The defaults are the rules every site had before they became settings.
/// </summary>
[DisplayName("Quy tắc mật khẩu")]
public sealed class PasswordSettings : ITenantSettingsSection
{
    public static string SectionName => "passwords";

    [Display(Name = "Độ dài tối thiểu (ký tự)")]
    [Range(8, 128, ErrorMessage = "Độ dài tối thiểu phải từ {1} đến {2} ký tự.")]
    public int MinimumLength { get; set; } = 10;

    [Display(Name = "Bắt buộc có chữ hoa (A-Z)")]
    public bool RequireUppercase { get; set; } = true;

    [Display(Name = "Bắt buộc có chữ thường (a-z)")]
    public bool RequireLowercase { get; set; } = true;

    [Display(Name = "Bắt buộc có chữ số (0-9)")]
    public bool RequireDigit { get; set; } = true;

    [Display(Name = "Bắt buộc có ký tự đặc biệt")]
    public bool RequireNonAlphanumeric { get; set; }

    [Display(Name = "Không được dùng lại bao nhiêu mật khẩu gần nhất (0 = không kiểm tra)")]
    [Range(0, 24, ErrorMessage = "Số mật khẩu gần nhất phải từ {1} đến {2}.")]
    public int HistoryCount { get; set; } = 5;

    [Display(Name = "Bắt buộc đổi mật khẩu sau bao nhiêu ngày (0 = không bắt buộc)")]
    [Range(0, 3650, ErrorMessage = "Số ngày phải từ {1} đến {2}.")]
    public int MaximumAgeDays { get; set; } = 90;
}
