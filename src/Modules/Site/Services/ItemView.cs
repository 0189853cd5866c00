using System.Text.Json.Nodes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Taxonomies.Abstractions;

namespace Portal.Modules.Site.Services;

/// <summary>A file or picture of a <c>MediaList</c> field (<c>{"Items":[{"Path","MediaId","Alt","Name"}]}</c>).</summary>
public sealed record MediaListEntry(string Path, string? Name, string? Alt);

/// <summary>Everything an item page (and its print view) shows, read from the published version.</summary>
public sealed record ItemView(
    ContentItem Item,
    string Path,
    string Title,
    string? Summary,
    string? BodyHtml,
    MediaField? Image,
    string? ImageCaption,
    string? Source,
    IReadOnlyList<MediaListEntry> Attachments,
    IReadOnlyList<TaxonomyTerm> Tags,
    TaxonomyTermInfo? Category,
    IReadOnlyList<TaxonomyTermInfo> CategoryAncestors,
    IReadOnlyList<PublicItemSummary> Related)
{
    public DateTimeOffset PublishedUtc => Item.PublishedUtc ?? Item.ModifiedUtc;

    public string? Text(string field) => Item.Field<TextField>(field)?.Text is { Length: > 0 } text ? text.Trim() : null;

    public string? Html(string field) => Item.Field<HtmlField>(field)?.Html is { Length: > 0 } html ? html : null;

    public LinkField? Link(string field) => Item.Field<LinkField>(field) is { Url.Length: > 0 } link ? link : null;

    public DateOnly? Date(string field) => Item.Field<DateField>(field)?.Value;

    public IReadOnlyList<MediaListEntry> MediaList(string field) => ReadMediaList(Item, field);

    /// <summary>The entries of a MediaList field that have a path.</summary>
    public static IReadOnlyList<MediaListEntry> ReadMediaList(ContentItem item, string field)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Data[field] is not JsonObject value || value["Items"] is not JsonArray items)
        {
            return [];
        }

        return [.. items.OfType<JsonObject>()
            .Select(i => new MediaListEntry(Str(i, "Path") ?? "", Str(i, "Name"), Str(i, "Alt")))
            .Where(e => e.Path.Length > 0)];
    }

    private static string? Str(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
