using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Portal.Core.Settings;

namespace Portal.Modules.Users.Settings;

/// <summary>
/// A tenant's two-factor sign-in rule (section <c>two-factor</c>). Every account may enrol; when
/// <see cref="RequiredForAdministrators"/> is on, an account whose roles hold an administrator's
/// permission (full rights, managing component sites, settings, users or roles) must, and one without an
/// authenticator is sent to enrol right after its password. The province portal's recipe turns it on.
/// </summary>
[DisplayName("Xác thực hai bước")]
public sealed class TwoFactorSettings : ITenantSettingsSection
{
    public static string SectionName => "two-factor";

    [Display(Name = "Bắt buộc xác thực hai bước với tài khoản quản trị (toàn quyền, quản lý trang thành phần, cài đặt, người dùng hoặc vai trò)")]
    public bool RequiredForAdministrators { get; set; }
}
