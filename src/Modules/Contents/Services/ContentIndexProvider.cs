using Microsoft.EntityFrameworkCore;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Services;

/// <summary>
/// Keeps one index table in step with content items. Implement it by deriving from
/// <see cref="ContentIndexProvider{TIndex}"/>; the content manager calls it on every change.
/// </summary>
public interface IContentIndexProvider
{
    /// <summary>
    /// Marks the item's existing rows for deletion and adds the rows mapped from
    /// <paramref name="currentVersions"/> (its latest and published versions, none once removed).
    /// Nothing is saved here: the caller's SaveChanges writes the rows with the version change.
    /// </summary>
    Task ReplaceAsync(DbContext db, string contentItemId, IReadOnlyCollection<ContentItem> currentVersions, CancellationToken cancellationToken);
}

/// <summary>Maps a content version to rows of the index table <typeparamref name="TIndex"/>.</summary>
public abstract class ContentIndexProvider<TIndex> : IContentIndexProvider where TIndex : ContentIndexRow
{
    /// <summary>
    /// The rows for one version (none when the version has nothing to index). The item and
    /// version ids and the Latest/Published flags are filled in by the caller.
    /// </summary>
    public abstract IEnumerable<TIndex> Map(ContentItem version);

    public async Task ReplaceAsync(DbContext db, string contentItemId, IReadOnlyCollection<ContentItem> currentVersions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(currentVersions);
        var rows = db.Set<TIndex>();
        rows.RemoveRange(await rows.Where(r => r.ContentItemId == contentItemId).ToListAsync(cancellationToken).ConfigureAwait(false));
        foreach (var version in currentVersions)
        {
            foreach (var row in Map(version))
            {
                row.ContentItemId = version.ContentItemId;
                row.ContentItemVersionId = version.ContentItemVersionId;
                row.Latest = version.Latest;
                row.Published = version.Published;
                rows.Add(row);
            }
        }
    }
}
