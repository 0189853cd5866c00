namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// Maps content items to rows of one index table. Attach it to a part with
/// <c>services.AddContentPart&lt;TPart&gt;().WithIndex&lt;TIndex, TProvider&gt;()</c> (it then runs only for
/// items whose type has that part), or index every item with <c>services.AddContentIndex&lt;TIndex, TProvider&gt;()</c>
/// (e.g. the admin list). Derive from <see cref="ContentIndexProvider{TIndex}"/>.
/// </summary>
public interface IContentIndexProvider
{
    /// <summary>The index table (a <see cref="ContentIndexRow"/> subclass) this provider fills.</summary>
    Type IndexType { get; }

    /// <summary>The rows of one item; see <see cref="ContentIndexProvider{TIndex}.MapItem"/>.</summary>
    IEnumerable<ContentIndexRow> MapRows(ContentIndexContext item);
}

/// <summary>
/// An item as its index rows see it after a change: its latest and published versions (none
/// once removed) and its newest version (also for a removed item, to describe it).
/// </summary>
public sealed record ContentIndexContext(string ContentItemId, ContentItem? Latest, ContentItem? Published, ContentItem? Newest)
{
    /// <summary>The item was removed: it has no latest and no published version.</summary>
    public bool IsRemoved => Latest is null && Published is null;
}

/// <summary>Maps content items to rows of the index table <typeparamref name="TIndex"/>.</summary>
public abstract class ContentIndexProvider<TIndex> : IContentIndexProvider where TIndex : ContentIndexRow
{
    public Type IndexType => typeof(TIndex);

    /// <summary>
    /// The rows for one version (none when the version has nothing to index). The item and
    /// version ids and the Latest/Published flags are filled in for you. Called by the default
    /// <see cref="MapItem"/> for the latest and the published version.
    /// </summary>
    public virtual IEnumerable<TIndex> Map(ContentItem version) => [];

    /// <summary>
    /// The rows of the item after a change; the content manager replaces the item's rows with them
    /// in the same transaction. Override it for one row per item (removed items included); set
    /// <see cref="ContentIndexRow.ContentItemVersionId"/> and the flags yourself then.
    /// </summary>
    public virtual IEnumerable<TIndex> MapItem(ContentIndexContext item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ContentItem?[] versions = ReferenceEquals(item.Latest, item.Published) ? [item.Latest] : [item.Latest, item.Published];
        foreach (var version in versions.OfType<ContentItem>())
        {
            foreach (var row in Map(version))
            {
                row.ContentItemVersionId = version.ContentItemVersionId;
                row.Latest = version.Latest;
                row.Published = version.Published;
                yield return row;
            }
        }
    }

    IEnumerable<ContentIndexRow> IContentIndexProvider.MapRows(ContentIndexContext item) => MapItem(item);
}
