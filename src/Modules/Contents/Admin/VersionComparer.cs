using Portal.Modules.Contents.Models;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Admin;

/// <summary>What one editable value looks like between two versions.</summary>
public sealed record FieldComparison(string Label, IReadOnlyList<DiffSegment> Segments, bool MarkupOnly)
{
    public bool Changed => MarkupOnly || WordDiff.HasChanges(Segments);
}

/// <summary>Compares two versions of an item value by value, as readable word-level differences.</summary>
public static class VersionComparer
{
    public static IReadOnlyList<FieldComparison> Compare(IReadOnlyList<EditorField> fields, ContentItem older, ContentItem newer)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var result = new List<FieldComparison>();
        if (!fields.Any(f => f.Key == "TitlePart.Title"))
        {
            result.Add(new("Tiêu đề", WordDiff.Compare(older.DisplayText, newer.DisplayText), false));
        }

        foreach (var field in fields)
        {
            var segments = WordDiff.Compare(field.ReadText(older.Data), field.ReadText(newer.Data));
            var markupOnly = field.Kind == EditorKind.RichText && !WordDiff.HasChanges(segments)
                && !string.Equals(field.Read(older.Data), field.Read(newer.Data), StringComparison.Ordinal);
            result.Add(new(field.Label, segments, markupOnly));
        }

        return result;
    }

    /// <summary>The labels of the values that differ, e.g. "Tiêu đề, Nội dung"; for version lists and conflict messages.</summary>
    public static string ChangedLabels(IReadOnlyList<EditorField> fields, ContentItem older, ContentItem newer) =>
        string.Join(", ", Compare(fields, older, newer).Where(c => c.Changed).Select(c => c.Label));
}
