using System.Globalization;
using System.Text;

namespace Portal.Core.Text;

/// <summary>Vietnamese text helpers: diacritics folding and host labels.</summary>
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
}
