namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// Cleans rich text on the server before it is stored, so no script reaches a page. The content
/// manager applies it to every rich-text value of an item (see <see cref="RichTextAttribute"/>);
/// a module storing rich text elsewhere calls it itself.
/// </summary>
public interface IHtmlSanitizerService
{
    /// <summary>The markup with only ordinary article elements, attributes and safe URL schemes left.</summary>
    string Sanitize(string html);
}
