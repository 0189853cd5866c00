using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Modules.Contents.Services;

/// <summary>The readable text of (sanitised) rich text: block ends become line breaks, tags go, entities are decoded.</summary>
internal static partial class HtmlText
{
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var text = BlockEnd().Replace(html, "\n");
        text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        return string.Join('\n', text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    [GeneratedRegex(@"<br\s*/?>|</(p|h[1-6]|li|tr|blockquote|figcaption|caption|div)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\u00A0]+")]
    private static partial Regex Spaces();
}
