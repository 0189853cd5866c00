namespace Portal.Modules.Contents.Abstractions;

/// <summary>Compares two versions of an item as a list of changes per part and field, for the version history screen.</summary>
public interface IContentVersionDiff
{
    /// <summary>
    /// The changes from version <paramref name="fromVersionId"/> to <paramref name="toVersionId"/> of the
    /// item (either order; removed items included), or null when either is not a version of the item.
    /// </summary>
    Task<IReadOnlyList<ContentChange>?> CompareAsync(string contentItemId, string fromVersionId, string toVersionId, CancellationToken cancellationToken = default);

    /// <summary>The changes between two versions already loaded, described with <paramref name="type"/> (labels, rich text, field types).</summary>
    IReadOnlyList<ContentChange> Compare(ContentItem from, ContentItem to, ContentTypeDefinition? type);
}

/// <summary>
/// One changed value: its path in the body (<c>DisplayText</c>, <c>TitlePart.Title</c>, <c>Summary</c>),
/// a Vietnamese label, the old and new value as text (rich text as its plain text, dates as
/// dd/MM/yyyy, instants in Vietnam's time) and, for text, a word-by-word diff.
/// </summary>
public sealed record ContentChange(
    string Path,
    string Label,
    ContentChangeKind Kind,
    string? OldText,
    string? NewText,
    IReadOnlyList<TextDiffSegment> Segments);

public enum ContentChangeKind
{
    Added,
    Removed,
    Modified,
}

/// <summary>A run of text that is in both versions, only in the new one or only in the old one.</summary>
public sealed record TextDiffSegment(TextDiffOperation Operation, string Text);

public enum TextDiffOperation
{
    Equal,
    Inserted,
    Deleted,
}
