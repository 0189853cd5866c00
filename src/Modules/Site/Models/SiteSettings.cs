using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Portal.Core.Settings;

namespace Portal.Modules.Site.Models;

/// <summary>
/// What the public site shows of its unit: name, pictures, contact block, the footer's legal
/// lines, social links, the EMC monitoring id and the categories on the home page.
/// Section <c>site</c>, edited at <c>/admin/settings</c>; saving it evicts the tenant's cached pages.
/// </summary>
[DisplayName("Trang thông tin điện tử")]
public sealed class SiteSettings : ITenantSettingsSection, IValidatableObject
{
    public static string SectionName => "site";

    [Display(Name = "Tên trang (để trống: tên đơn vị)")]
    [StringLength(256)]
    public string? SiteName { get; set; }

    [Display(Name = "Khẩu hiệu")]
    [StringLength(256)]
    public string? Slogan { get; set; }

    [Display(Name = "Đường dẫn biểu trưng (logo)")]
    [StringLength(1024)]
    public string? LogoPath { get; set; }

    [Display(Name = "Đường dẫn ảnh băng rôn (banner)")]
    [StringLength(1024)]
    public string? BannerPath { get; set; }

    [Display(Name = "Địa chỉ")]
    [StringLength(512)]
    public string? Address { get; set; }

    [Display(Name = "Điện thoại")]
    [StringLength(64)]
    public string? Phone { get; set; }

    [Display(Name = "Fax")]
    [StringLength(64)]
    public string? Fax { get; set; }

    [Display(Name = "Thư điện tử")]
    [StringLength(256)]
    public string? Email { get; set; }

    [Display(Name = "Cơ quan chủ quản")]
    [StringLength(512)]
    public string? GoverningAgency { get; set; }

    [Display(Name = "Người chịu trách nhiệm")]
    [StringLength(512)]
    public string? ResponsiblePerson { get; set; }

    [Display(Name = "Giấy phép")]
    [StringLength(512)]
    public string? License { get; set; }

    [Display(Name = "Trang Facebook")]
    [StringLength(512)]
    public string? FacebookUrl { get; set; }

    [Display(Name = "Kênh YouTube")]
    [StringLength(512)]
    public string? YoutubeUrl { get; set; }

    [Display(Name = "Trang Zalo")]
    [StringLength(512)]
    public string? ZaloUrl { get; set; }

    /// <summary>The site's id at the EMC monitoring service (tín nhiệm mạng); empty: no label.</summary>
    [Display(Name = "Mã website trên hệ thống EMC")]
    [StringLength(128)]
    [RegularExpression("^[A-Za-z0-9_-]*$", ErrorMessage = "{0} chỉ gồm chữ cái không dấu, chữ số, '-' và '_'.")]
    public string? EmcSiteId { get; set; }

    /// <summary>Slugs of the categories whose latest news the home page shows, comma-separated, in order.</summary>
    [Display(Name = "Chuyên mục trên trang chủ (đường dẫn, cách nhau bởi dấu phẩy)")]
    [StringLength(1024)]
    public string? HomeCategorySlugs { get; set; }

    /// <summary>The home categories' slugs in order, blanks and repeats dropped.</summary>
    public IReadOnlyList<string> HomeCategories() =>
        [.. (HomeCategorySlugs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(FacebookUrl), FacebookUrl), (nameof(YoutubeUrl), YoutubeUrl), (nameof(ZaloUrl), ZaloUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsWebAddress(value))
            {
                yield return new ValidationResult($"{Label(name)} phải là địa chỉ bắt đầu bằng https:// hoặc http://.", [name]);
            }
        }

        foreach (var (name, value) in new[] { (nameof(LogoPath), LogoPath), (nameof(BannerPath), BannerPath) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsWebAddress(value) && !IsSitePath(value))
            {
                yield return new ValidationResult($"{Label(name)} phải là đường dẫn bắt đầu bằng / (ví dụ /media/logo.png) hoặc https://.", [name]);
            }
        }

        if (!string.IsNullOrWhiteSpace(Email) && !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _))
        {
            yield return new ValidationResult($"{Label(nameof(Email))} không phải là địa chỉ thư điện tử hợp lệ.", [nameof(Email)]);
        }
    }

    /// <summary>An absolute http(s) address.</summary>
    public static bool IsWebAddress(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>A path of this site (<c>/media/x.png</c>), not a protocol-relative address (<c>//host</c>).</summary>
    public static bool IsSitePath(string value)
    {
        var v = value.Trim();
        return v.StartsWith('/') && !v.StartsWith("//", StringComparison.Ordinal) && !v.Contains('\\', StringComparison.Ordinal);
    }

    private static string Label(string property) =>
        SettingsValidation.DisplayNameOf(typeof(SiteSettings).GetProperty(property)!);
}
