using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Services;

/// <summary>
/// Reads and writes content items of the current tenant. Every write adds a version or moves
/// the Latest/Published flags; no version is ever overwritten or deleted. Each write updates
/// the index tables and the audit trail in the same SaveChanges (one transaction).
/// Items returned are detached snapshots: changing one changes nothing until it is passed
/// back to <see cref="SaveDraftAsync"/> or <see cref="UpdateAsync"/>.
/// </summary>
public interface IContentManager
{
    /// <summary>
    /// A new, unsaved item of <paramref name="contentType"/> with a fresh id, the tenant's first
    /// culture and an empty object for each part of the type.
    /// </summary>
    /// <exception cref="UnknownContentTypeException">The tenant has no such type.</exception>
    Task<ContentItem> NewAsync(string contentType, CancellationToken cancellationToken = default);

    /// <summary>Saves version 1 of a new item, published at once when <paramref name="publish"/> is true.</summary>
    /// <exception cref="UnknownContentTypeException">The tenant has no such type.</exception>
    /// <exception cref="InvalidOperationException">An item with the same id already exists.</exception>
    Task<ContentItem> CreateAsync(ContentItem item, bool publish, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the item's display text, culture and data as a new latest version that is not
    /// published; a published version keeps being shown until the draft is published.
    /// </summary>
    /// <exception cref="InvalidOperationException">The item does not exist or was removed.</exception>
    Task<ContentItem> SaveDraftAsync(ContentItem item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a new latest version; when <paramref name="publish"/> is true it replaces the
    /// published version in the same transaction, else it is a draft (as <see cref="SaveDraftAsync"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The item does not exist or was removed.</exception>
    Task<ContentItem> UpdateAsync(ContentItem item, bool publish, CancellationToken cancellationToken = default);

    /// <summary>Publishes the latest version (the previously published one stops being published).</summary>
    /// <exception cref="InvalidOperationException">The item does not exist or was removed.</exception>
    Task<ContentItem> PublishAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>Takes the item off the public pages; returns false when it was not published.</summary>
    Task<bool> UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the item from lists and public pages by clearing the flags of all its versions;
    /// the rows stay (TN Đ10.1). Returns false when there was nothing to remove.
    /// </summary>
    Task<bool> RemoveAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the content of version <paramref name="versionNumber"/> (or, when null, of the newest
    /// version of a removed item) as a new latest draft; a published version stays on line. Returns
    /// null when there is no such version, or when <paramref name="versionNumber"/> is null and the item was not removed.
    /// </summary>
    Task<ContentItem?> RestoreAsync(string contentItemId, int? versionNumber, CancellationToken cancellationToken = default);

    /// <summary>One version of an item, or null.</summary>
    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options, CancellationToken cancellationToken = default);

    /// <summary>The latest version of the live item with this alias, or null.</summary>
    Task<ContentItem?> GetByAliasAsync(string alias, CancellationToken cancellationToken = default);

    /// <summary>Every version of an item, removed ones included, newest first.</summary>
    Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>Latest versions of live items, of one type or (null) of all types; not tracked.</summary>
    IQueryable<ContentItem> QueryLatest(string? contentType = null);

    /// <summary>Published versions, of one type or (null) of all types; not tracked.</summary>
    IQueryable<ContentItem> QueryPublished(string? contentType = null);
}
