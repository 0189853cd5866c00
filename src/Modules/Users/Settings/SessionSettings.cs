using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Portal.Core.Settings;

namespace Portal.Modules.Users.Settings;

/// <summary>How long an admin sign-in of the tenant lives; checked on every request against the session row.</summary>
[DisplayName("Phiên đăng nhập")]
public sealed class SessionSettings : ITenantSettingsSection
{
    public const int MaxIdleMinutes = 720;

    /// <summary>The longest idle timeout a tenant may choose; the sign-in cookie itself lives this long without use.</summary>
    public static readonly TimeSpan MaxIdleTimeout = TimeSpan.FromMinutes(MaxIdleMinutes);

    public static string SectionName => "sessions";

    [Display(Name = "Thời gian chờ khi không thao tác (phút)", Description = "Phiên đăng nhập không được dùng trong khoảng thời gian này sẽ tự kết thúc.")]
    [Range(5, MaxIdleMinutes)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    [Display(Name = "Thời gian tối đa của một phiên (giờ)", Description = "Tính từ lúc nhập mật khẩu; hết thời gian này phải đăng nhập lại dù vẫn đang thao tác.")]
    [Range(1, 24)]
    public int AbsoluteTimeoutHours { get; set; } = 8;

    [JsonIgnore]
    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    [JsonIgnore]
    public TimeSpan AbsoluteTimeout => TimeSpan.FromHours(AbsoluteTimeoutHours);
}
