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

    /// <summary>
    /// As <see cref="Sanitize(string)"/>, and adds to <paramref name="removed"/> what was taken out
    /// (<c>&lt;script&gt;</c>, <c>onclick</c>...), so the editor can be told what happened to their text.
    /// </summary>
    string Sanitize(string html, ISet<string> removed);
}
