using Ganss.Xss;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

internal sealed class HtmlSanitizerService : IHtmlSanitizerService
{
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
