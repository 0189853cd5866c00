using Ganss.Xss;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

internal sealed class HtmlSanitizerService : IHtmlSanitizerService
{
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
