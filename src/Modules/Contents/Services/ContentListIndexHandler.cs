using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Services;

/// <summary>
/// Keeps one <see cref="ContentListIndex"/> row per item of every type, removed items included,
/// from the lifecycle events, inside the content manager's transaction: the admin list is then
/// one indexed query whatever the number of items, and shows removed items to restore.
/// </summary>
internal sealed class ContentListIndexHandler(PortalDbContext db) : IContentHandler
{
    public async Task CreatingAsync(ContentContext context, CancellationToken cancellationToken)
    {
        var row = await RowAsync(context.ContentItem, cancellationToken).ConfigureAwait(false);
        row.Status = ContentStatus.Draft;
        row.HasDraft = false;
    }

    public async Task UpdatingAsync(ContentContext context, CancellationToken cancellationToken)
    {
        var row = await RowAsync(context.ContentItem, cancellationToken).ConfigureAwait(false);
        if (row.Status == ContentStatus.Published)
        {
            row.HasDraft = true; // the published version stays on line until this one is published
        }
        else
        {
            row.Status = ContentStatus.Draft;
        }
    }

    public async Task PublishedAsync(ContentContext context, CancellationToken cancellationToken)
    {
        var row = await RowAsync(context.ContentItem, cancellationToken).ConfigureAwait(false);
        row.Status = ContentStatus.Published;
        row.HasDraft = false;
        row.Published = true;
        row.PublishedUtc = context.ContentItem.PublishedUtc ?? context.ContentItem.ModifiedUtc;
    }

    public async Task UnpublishedAsync(ContentContext context, CancellationToken cancellationToken)
    {
        var row = await RowAsync(context.ContentItem, cancellationToken, describe: false).ConfigureAwait(false);
        row.Status = ContentStatus.Draft;
        row.HasDraft = false;
        row.Published = false;
        row.PublishedUtc = null;
    }

    public async Task RemovedAsync(ContentContext context, CancellationToken cancellationToken)
    {
        var row = await RowAsync(context.ContentItem, cancellationToken).ConfigureAwait(false);
        row.Status = ContentStatus.Removed;
        row.HasDraft = false;
        row.Latest = false;
        row.Published = false;
        row.PublishedUtc = null;
    }

    public async Task RestoredAsync(ContentContext context, CancellationToken cancellationToken)
    {
        var row = await RowAsync(context.ContentItem, cancellationToken).ConfigureAwait(false);
        row.Status = ContentStatus.Draft;
        row.HasDraft = false;
    }

    /// <summary>The item's row (added when missing), describing <paramref name="version"/> unless told not to.</summary>
    private async Task<ContentListIndex> RowAsync(ContentItem version, CancellationToken cancellationToken, bool describe = true)
    {
        var rows = db.Set<ContentListIndex>();
        var row = rows.Local.FirstOrDefault(r => r.ContentItemId == version.ContentItemId)
            ?? await rows.FirstOrDefaultAsync(r => r.ContentItemId == version.ContentItemId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new ContentListIndex { ContentItemId = version.ContentItemId, CreatedUtc = version.CreatedUtc };
            rows.Add(row);
            describe = true;
        }

        if (describe)
        {
            row.ContentItemVersionId = version.ContentItemVersionId;
            row.Latest = true;
            row.ContentType = version.ContentType;
            row.Title = Truncate(version.DisplayText, ContentListIndex.TitleMaxLength);
            row.NormalizedTitle = Truncate(ContentListIndex.Normalize(version.DisplayText), ContentListIndex.NormalizedTitleMaxLength);
            row.Author = version.Author;
            row.ModifiedUtc = version.ModifiedUtc;
        }

        return row;
    }

    // Never between the two halves of a surrogate pair (PostgreSQL refuses the half).
    private static string Truncate(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
