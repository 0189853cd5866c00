using Microsoft.EntityFrameworkCore;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

/// <summary>Replaces one item's rows of one index table; one per table, shared by the providers that fill it.</summary>
internal interface IContentIndexTable
{
    Type IndexType { get; }

    /// <summary>
    /// Deletes the item's rows (one statement, in the caller's transaction; skipped for a new item)
    /// and adds the rows the providers map from <paramref name="currentVersions"/> (its latest and
    /// published versions, none once removed); the caller's SaveChanges writes them.
    /// </summary>
    Task ReplaceAsync(
        DbContext db,
        string contentItemId,
        bool isNewItem,
        IReadOnlyCollection<ContentItem> currentVersions,
        IEnumerable<IContentIndexProvider> providers,
        CancellationToken cancellationToken);
}

internal static class ContentIndexTable
{
    public static IContentIndexTable For<TIndex>() where TIndex : ContentIndexRow => Table<TIndex>.Instance;

    private sealed class Table<TIndex> : IContentIndexTable where TIndex : ContentIndexRow
    {
        public static readonly Table<TIndex> Instance = new();

        public Type IndexType => typeof(TIndex);

        public async Task ReplaceAsync(
            DbContext db,
            string contentItemId,
            bool isNewItem,
            IReadOnlyCollection<ContentItem> currentVersions,
            IEnumerable<IContentIndexProvider> providers,
            CancellationToken cancellationToken)
        {
            var rows = db.Set<TIndex>();
            if (!isNewItem)
            {
                await rows.Where(r => r.ContentItemId == contentItemId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var provider in providers)
            {
                foreach (var version in currentVersions)
                {
                    foreach (var row in provider.MapRows(version).Cast<TIndex>())
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
    }
}
