using Portal.Core;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Site.Abstractions;

/// <summary>
/// A published item as lists, feeds, the sitemap and the public API show it, read from the
/// public index (one row per published item, kept by the content manager in the item's
/// transaction). <see cref="Path"/> is the item's public path without a leading slash or
/// the tenant's path base (e.g. <c>tin-tuc/hoi-nghi-tong-ket-nam-2025</c>); null when the item has no page.
/// </summary>
public sealed record PublicItemSummary(
    string ContentItemId,
    string ContentType,
    string Title,
    string? Path,
    string? Summary,
    string? ImagePath,
    string? ImageAlt,
    bool Featured,
    string Culture,
    DateTimeOffset PublishedUtc,
    DateTimeOffset ModifiedUtc);

/// <summary>Which published items to list: of a type, in a term (a category, its descendants included), featured only; newest first.</summary>
public sealed record PublicListQuery(
    string? ContentType = null,
    string? TermId = null,
    bool FeaturedOnly = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize);

/// <summary>The current tenant's published content, for the public pages, feeds, sitemap and public API.</summary>
public interface IPublicContentQuery
{
    /// <summary>One page of published items, newest publication first; a page past the end shows the last.</summary>
    Task<PagedResult<PublicItemSummary>> ListAsync(PublicListQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The first <see cref="PublicListQuery.PageSize"/> items of the list (its page is ignored),
    /// without counting the rest: for boxes that show the newest few (home page, related items, feeds).
    /// </summary>
    Task<IReadOnlyList<PublicItemSummary>> LatestAsync(PublicListQuery query, CancellationToken cancellationToken = default);

    /// <summary>The published version of the item with this id, or null (a draft or another tenant's item is null).</summary>
    Task<ContentItem?> GetPublishedAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>The published version of the item at this public path (see <see cref="PublicItemSummary.Path"/>), or null.</summary>
    Task<ContentItem?> GetPublishedByPathAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Summaries of the given published items, in the order given (unknown or unpublished ids left out).</summary>
    Task<IReadOnlyList<PublicItemSummary>> GetSummariesAsync(IReadOnlyList<string> contentItemIds, CancellationToken cancellationToken = default);
}
