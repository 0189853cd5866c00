using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Text;

namespace Portal.Modules.Tenants.Services;

/// <summary>
/// Derives a component site's host label from the unit's Vietnamese name (TN Đ6.4:
/// <c>tencoquan.thainguyen.gov.vn</c>): "Sở Tài chính" -> "sotaichinh",
/// "Phường Phan Đình Phùng" -> "phandinhphung", "Sở Khoa học và Công nghệ" -> "sokhoahoccongnghe".
/// </summary>
public static partial class HostLabel
{
    /// <summary>DNS allows 63 characters in one label.</summary>
    public const int MaxLength = 63;

    // Communes and wards are known by their proper name alone: "Phường Phan Đình Phùng" is
    // phandinhphung. Departments keep "Sở" (sotaichinh), as the province's sites do.
    private static readonly string[] AdministrativePrefixes = ["thi tran", "phuong", "xa", "dac khu"];

    // Joining words carry no meaning in a host name: "Khoa học và Công nghệ" -> khoahoccongnghe.
    private static readonly HashSet<string> JoiningWords = new(StringComparer.Ordinal) { "va" };

    // Labels that would collide with paths or well-known host names.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "www", "admin", "api", "health", "mail", "static", "cdn", "default", "en", "ko", "zh", "ja", "vi",
    };

    /// <summary>The label for a unit's name, or null when nothing usable is left (e.g. only punctuation).</summary>
    public static string? FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = VietnameseText.RemoveDiacritics(name.Normalize(NormalizationForm.FormC)).ToLowerInvariant();
        var words = NonAlphanumeric().Split(folded).Where(w => w.Length > 0).ToList();

        var joined = string.Join(' ', words);
        foreach (var prefix in AdministrativePrefixes)
        {
            if (joined.StartsWith(prefix + " ", StringComparison.Ordinal))
            {
                words.RemoveRange(0, prefix.Split(' ').Length);
                break;
            }
        }

        var label = string.Concat(words.Where(w => !JoiningWords.Contains(w)));
        if (label.Length > MaxLength)
        {
            label = label[..MaxLength];
        }

        return label.Length == 0 ? null : label;
    }

    /// <summary>Null when <paramref name="label"/> is a valid host label, else why not (Vietnamese).</summary>
    public static string? Validate(string? label)
    {
        if (string.IsNullOrEmpty(label))
        {
            return "Tên miền con không được để trống.";
        }

        if (label.Length > MaxLength)
        {
            return $"Tên miền con dài tối đa {MaxLength} ký tự.";
        }

        if (!label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || label[0] == '-' || label[^1] == '-')
        {
            return "Tên miền con chỉ gồm chữ thường không dấu (a-z), chữ số và dấu gạch ngang, không bắt đầu hay kết thúc bằng dấu gạch ngang.";
        }

        return Reserved.Contains(label) ? $"Tên miền con '{label}' đã được hệ thống dành riêng." : null;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
