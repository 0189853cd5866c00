using System.Text.Json.Nodes;
using Ganss.Xss;

namespace Portal.Modules.Contents.Services;

/// <summary>Cleans rich text on the server before it is stored, so no script reaches a page.</summary>
public interface IHtmlSanitizerService
{
    /// <summary>The markup with only ordinary article elements, attributes and safe URL schemes left.</summary>
    string Sanitize(string html);

    /// <summary>
    /// As <see cref="Sanitize(string)"/>, and adds to <paramref name="removed"/> what was taken out
    /// (<c>&lt;script&gt;</c>, <c>onclick</c>...), so the editor can be told.
    /// </summary>
    string Sanitize(string html, ISet<string> removed);
}

public sealed class HtmlSanitizerService : IHtmlSanitizerService
{
    /// <summary>The property that holds rich text inside a part, as in <c>BodyPart.Html</c>.</summary>
    public const string HtmlProperty = "Html";

    // Configured once; Sanitize itself is safe to call from many threads.
    private readonly HtmlSanitizer _sanitizer = new(NewOptions());

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    public string Sanitize(string html, ISet<string> removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        // Events are per instance: a reporting sanitiser of its own per call keeps calls apart.
        var sanitizer = new HtmlSanitizer(NewOptions());
        sanitizer.RemovingTag += (_, e) => removed.Add($"<{e.Tag.LocalName}>");
        sanitizer.RemovingAttribute += (_, e) => removed.Add(e.Attribute.Name);
        sanitizer.RemovingStyle += (_, e) => removed.Add("style");
        sanitizer.RemovingComment += (_, _) => removed.Add("<!-- -->");
        return sanitizer.Sanitize(html);
    }

    private static HtmlSanitizerOptions NewOptions() => new()
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "img", "strong", "em", "b", "i", "u",
            "blockquote", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "colspan", "rowspan" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
    };
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
