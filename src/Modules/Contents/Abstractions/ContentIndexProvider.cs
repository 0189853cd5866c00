namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// Maps content versions to rows of one index table. Attach it to a part with
/// <c>services.AddContentPart&lt;TPart&gt;().WithIndex&lt;TIndex, TProvider&gt;()</c>: it then runs only
/// for items whose type has that part. Derive from <see cref="ContentIndexProvider{TIndex}"/>.
/// </summary>
public interface IContentIndexProvider
{
    /// <summary>The index table (a <see cref="ContentIndexRow"/> subclass) this provider fills.</summary>
    Type IndexType { get; }

    /// <summary>The rows for one version; see <see cref="ContentIndexProvider{TIndex}.Map"/>.</summary>
    IEnumerable<ContentIndexRow> MapRows(ContentItem version);
}

/// <summary>Maps a content version to rows of the index table <typeparamref name="TIndex"/>.</summary>
public abstract class ContentIndexProvider<TIndex> : IContentIndexProvider where TIndex : ContentIndexRow
{
    public Type IndexType => typeof(TIndex);

    /// <summary>
    /// The rows for one version (none when the version has nothing to index). The item and
    /// version ids and the Latest/Published flags are filled in by the content manager, which
    /// replaces the item's rows in the same transaction as every change.
    /// </summary>
    public abstract IEnumerable<TIndex> Map(ContentItem version);

    IEnumerable<ContentIndexRow> IContentIndexProvider.MapRows(ContentItem version) => Map(version);
}
