using Microsoft.EntityFrameworkCore;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

/// <summary>Replaces one item's rows of one index table; one per table, shared by the providers that fill it.</summary>
internal interface IContentIndexTable
{
    Type IndexType { get; }

    /// <summary>
    /// Deletes the item's rows (one statement, in the caller's transaction; skipped for a new item)
    /// and adds the rows the providers map from <paramref name="item"/>; the caller's SaveChanges writes them.
    /// </summary>
    Task ReplaceAsync(DbContext db, ContentIndexContext item, bool isNewItem, IEnumerable<IContentIndexProvider> providers, CancellationToken cancellationToken);
}

internal static class ContentIndexTable
{
    public static IContentIndexTable For<TIndex>() where TIndex : ContentIndexRow => Table<TIndex>.Instance;

    private sealed class Table<TIndex> : IContentIndexTable where TIndex : ContentIndexRow
    {
        public static readonly Table<TIndex> Instance = new();

        public Type IndexType => typeof(TIndex);

        public async Task ReplaceAsync(DbContext db, ContentIndexContext item, bool isNewItem, IEnumerable<IContentIndexProvider> providers, CancellationToken cancellationToken)
        {
            var rows = db.Set<TIndex>();
            if (!isNewItem)
            {
                await rows.Where(r => r.ContentItemId == item.ContentItemId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var row in providers.SelectMany(p => p.MapRows(item)).Cast<TIndex>())
            {
                row.ContentItemId = item.ContentItemId;
                rows.Add(row);
            }
        }
    }
}
