namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// Reads and writes content items of the current tenant. Every write adds a version or moves
/// the Latest/Published flags; no version is ever overwritten or deleted. Each write runs the
/// lifecycle handlers (<see cref="IContentHandler"/>), updates the index tables of the type's
/// parts and the audit trail in one transaction, and after commit tells the
/// <see cref="IContentEventSink"/>s. A refused write (<see cref="ContentOperationException"/>:
/// validation, publishing refused, concurrent edit) saves nothing.
/// Items returned are detached snapshots: changing one changes nothing until it is passed
/// back to <see cref="SaveDraftAsync"/> or <see cref="UpdateAsync"/>.
/// The manager opens its own transaction: do not call it inside another one (or from a handler).
/// </summary>
public interface IContentManager
{
    /// <summary>
    /// A new, unsaved item of <paramref name="contentType"/> with a fresh id, the tenant's first
    /// culture and an empty object for each part of the type.
    /// </summary>
    /// <exception cref="UnknownContentTypeException">The tenant has no such type.</exception>
    Task<ContentItem> NewAsync(string contentType, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves version 1 of a new item, published at once when <paramref name="publish"/> is true. A
    /// published item given a past <see cref="ContentItem.PublishedUtc"/> (a recipe's demo news, an
    /// import) keeps that date as its creation, modification and publication time.
    /// </summary>
    /// <exception cref="UnknownContentTypeException">The tenant has no such type.</exception>
    /// <exception cref="ContentValidationException">A field value or a handler refused the body.</exception>
    /// <exception cref="ContentPublishRefusedException">A publishing handler refused (only when publishing).</exception>
    /// <exception cref="InvalidOperationException">An item with the same id already exists.</exception>
    Task<ContentItem> CreateAsync(ContentItem item, bool publish, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the item's display text, culture and data as a new latest version that is not
    /// published; a published version keeps being shown until the draft is published.
    /// </summary>
    /// <param name="item">The item as edited.</param>
    /// <param name="expectedLatestVersionId">
    /// The version the editor started from; when given and someone saved since, the save is refused
    /// with <see cref="ContentConcurrencyException"/>. Null: no check (recipes, code).
    /// </param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <exception cref="ContentNotFoundException">The item does not exist or was removed.</exception>
    /// <exception cref="ContentValidationException">A field value or a handler refused the body.</exception>
    /// <exception cref="ContentConcurrencyException">Someone saved after <paramref name="expectedLatestVersionId"/>.</exception>
    Task<ContentItem> SaveDraftAsync(ContentItem item, string? expectedLatestVersionId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a new latest version; when <paramref name="publish"/> is true it replaces the
    /// published version in the same transaction (through the publishing handlers), else it is a
    /// draft (as <see cref="SaveDraftAsync"/>). The new version is audited (<c>content.update</c>)
    /// in the same transaction.
    /// </summary>
    /// <exception cref="ContentNotFoundException">The item does not exist or was removed.</exception>
    /// <exception cref="ContentValidationException">A field value or a handler refused the body.</exception>
    /// <exception cref="ContentPublishRefusedException">A publishing handler refused; nothing was saved.</exception>
    /// <exception cref="ContentConcurrencyException">Someone saved after <paramref name="expectedLatestVersionId"/>.</exception>
    Task<ContentItem> UpdateAsync(ContentItem item, bool publish, string? expectedLatestVersionId = null, CancellationToken cancellationToken = default);

    /// <summary>Publishes the latest version (the previously published one stops being published), through the publishing handlers.</summary>
    /// <exception cref="ContentNotFoundException">The item does not exist or was removed.</exception>
    /// <exception cref="ContentPublishRefusedException">A publishing handler refused; nothing changed.</exception>
    Task<ContentItem> PublishAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>Takes the item off the public pages; returns false when it was not published.</summary>
    Task<bool> UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the item from lists and public pages by clearing the flags of all its versions;
    /// the rows stay (TN Đ10.1). Returns false when there was nothing to remove.
    /// </summary>
    Task<bool> RemoveAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a copy of an old version (<paramref name="versionId"/>, any version of the live item) as
    /// a new latest draft; the published version stays until the draft is published.
    /// </summary>
    /// <exception cref="ContentNotFoundException">The item is removed or the version is not one of its versions.</exception>
    /// <exception cref="ContentValidationException">The old body no longer satisfies the type.</exception>
    /// <exception cref="ContentConcurrencyException">Someone saved after <paramref name="expectedLatestVersionId"/>.</exception>
    Task<ContentItem> RestoreAsync(string contentItemId, string versionId, string? expectedLatestVersionId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings back a removed item: its newest version becomes the latest again, as an unpublished
    /// draft (publish it to put it back on line). Returns null when the item is not removed.
    /// </summary>
    /// <exception cref="ContentNotFoundException">Its alias was taken by another item meanwhile.</exception>
    Task<ContentItem?> RestoreRemovedAsync(string contentItemId, CancellationToken cancellationToken = default);

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

    /// <summary>The newest version of each removed item (restorable), of one type or (null) of all types; not tracked.</summary>
    IQueryable<ContentItem> QueryRemoved(string? contentType = null);
}
