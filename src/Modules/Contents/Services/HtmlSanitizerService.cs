using System.Text.Json.Nodes;
using Ganss.Xss;

namespace Portal.Modules.Contents.Services;

/// <summary>Cleans rich text on the server before it is stored, so no script reaches a page.</summary>
public interface IHtmlSanitizerService
{
    /// <summary>The markup with only ordinary article elements, attributes and safe URL schemes left.</summary>
    string Sanitize(string html);
}

public sealed class HtmlSanitizerService : IHtmlSanitizerService
{
    /// <summary>The property that holds rich text inside a part, as in <c>BodyPart.Html</c>.</summary>
    public const string HtmlProperty = "Html";

    // Configured once; Sanitize itself is safe to call from many threads.
    private readonly HtmlSanitizer _sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "img", "strong", "em", "b", "i", "u",
            "blockquote", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "colspan", "rowspan" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
    });

    public string Sanitize(string html) => _sanitizer.Sanitize(html);
}

public static class HtmlSanitizerServiceExtensions
{
    /// <summary>Sanitises the <c>Html</c> string of every part in a content body, in place.</summary>
    public static JsonObject SanitizeRichText(this IHtmlSanitizerService sanitizer, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(sanitizer);
        ArgumentNullException.ThrowIfNull(data);
        foreach (var part in data.Select(p => p.Value).OfType<JsonObject>())
        {
            if (part[HtmlSanitizerService.HtmlProperty] is JsonValue value && value.TryGetValue<string>(out var html))
            {
                part[HtmlSanitizerService.HtmlProperty] = sanitizer.Sanitize(html);
            }
        }

        return data;
    }
}
