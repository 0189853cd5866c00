using Microsoft.EntityFrameworkCore;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Services;

/// <summary>
/// Keeps one <see cref="ContentListIndex"/> row per item of every type, removed items included
/// (with <see cref="ContentStatus.Removed"/>), so the admin list can show and restore them.
/// </summary>
public sealed class ContentListIndexProvider : IContentIndexProvider
{
    public async Task ReplaceAsync(DbContext db, string contentItemId, IReadOnlyCollection<ContentItem> currentVersions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(currentVersions);
        var rows = db.Set<ContentListIndex>();
        rows.RemoveRange(await rows.Where(r => r.ContentItemId == contentItemId).ToListAsync(cancellationToken).ConfigureAwait(false));

        var latest = currentVersions.FirstOrDefault(v => v.Latest);
        var published = currentVersions.FirstOrDefault(v => v.Published);
        // A removed item has no current version: describe it by its newest one.
        var shown = latest ?? published ?? await db.Set<ContentItem>().AsNoTracking()
            .Where(v => v.ContentItemId == contentItemId)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (shown is null)
        {
            return;
        }

        rows.Add(new ContentListIndex
        {
            ContentItemId = contentItemId,
            ContentItemVersionId = shown.ContentItemVersionId,
            Latest = latest is not null,
            Published = published is not null,
            ContentType = shown.ContentType,
            Title = Truncate(shown.DisplayText, ContentListIndex.TitleMaxLength),
            NormalizedTitle = Truncate(ContentListIndex.Normalize(shown.DisplayText), ContentListIndex.TitleMaxLength),
            Status = latest is null && published is null ? ContentStatus.Removed
                : published is not null ? ContentStatus.Published
                : ContentStatus.Draft,
            HasDraft = latest is { Published: false },
            Author = shown.Author,
            CreatedUtc = shown.CreatedUtc,
            ModifiedUtc = shown.ModifiedUtc,
            PublishedUtc = published?.PublishedUtc,
        });
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
