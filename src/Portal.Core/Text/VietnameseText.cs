using System.Globalization;
using System.Text;

namespace Portal.Core.Text;

/// <summary>Vietnamese text helpers: diacritics folding and slugs.</summary>
public static class VietnameseText
{
    /// <summary>
    /// Removes diacritics: "Phường Phan Đình Phùng" -> "Phuong Phan Dinh Phung".
    /// <c>đ</c>/<c>Đ</c> are letters of their own in Unicode (no decomposition), so they are mapped by hand.
    /// </summary>
    public static string RemoveDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'đ':
                    builder.Append('d');
                    break;
                case 'Đ':
                    builder.Append('D');
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The longest slug <see cref="Slugify"/> makes (cut at a word boundary when it can be).</summary>
    public const int SlugMaxLength = 200;

    /// <summary>
    /// A URL slug from a Vietnamese text: diacritics removed (<c>đ</c> -> <c>d</c>), lower case,
    /// every run of other characters one hyphen, none at either end:
    /// "Hội nghị tổng kết năm 2025" -> "hoi-nghi-tong-ket-nam-2025". Empty when nothing is left
    /// (only punctuation). At most <paramref name="maxLength"/> characters, cut at a hyphen when there is one.
    /// </summary>
    public static string Slugify(string text, int maxLength = SlugMaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var folded = RemoveDiacritics(text.Normalize(NormalizationForm.FormC));
        var builder = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }

        if (builder.Length <= maxLength)
        {
            return builder.ToString();
        }

        var cut = builder.ToString(0, maxLength);
        var lastHyphen = cut.LastIndexOf('-');
        return (lastHyphen > 0 ? cut[..lastHyphen] : cut).TrimEnd('-');
    }

    /// <summary>True when <paramref name="slug"/> is what <see cref="Slugify"/> can make: a-z, 0-9 and single inner hyphens.</summary>
    public static bool IsSlug(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal) &&
        slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
