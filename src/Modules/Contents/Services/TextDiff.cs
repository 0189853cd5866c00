using System.Text;
using System.Text.RegularExpressions;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

/// <summary>A word-by-word diff of two texts (whitespace and line breaks are tokens too), by longest common subsequence.</summary>
internal static partial class TextDiff
{
    // Above this many cells the texts are compared line by line, and above it again as a whole.
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<TextDiffSegment> Compare(string? oldText, string? newText)
    {
        oldText ??= "";
        newText ??= "";
        var segments = Diff(Words(oldText), Words(newText))
                       ?? Diff(Lines(oldText), Lines(newText))
                       ?? [new(TextDiffOperation.Deleted, oldText), new(TextDiffOperation.Inserted, newText)];
        return Group(segments.Where(s => s.Text.Length > 0).ToList());
    }

    private static string[] Words(string text) => WordOrSpace().Matches(text).Select(m => m.Value).ToArray();

    private static string[] Lines(string text) => LineWithBreak().Matches(text).Select(m => m.Value).ToArray();

    private static List<TextDiffSegment>? Diff(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            return null;
        }

        // lcs[i, j]: length of the longest common subsequence of a[prefix+i..] and b[prefix+j..] (middle parts).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var segments = new List<TextDiffSegment> { new(TextDiffOperation.Equal, string.Concat(a.Take(prefix))) };
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[prefix + x] == b[prefix + y])
            {
                segments.Add(new(TextDiffOperation.Equal, a[prefix + x]));
                x++;
                y++;
            }
            else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                segments.Add(new(TextDiffOperation.Inserted, b[prefix + y]));
                y++;
            }
            else
            {
                segments.Add(new(TextDiffOperation.Deleted, a[prefix + x]));
                x++;
            }
        }

        segments.Add(new(TextDiffOperation.Equal, string.Concat(a.Skip(a.Length - suffix))));
        return segments;
    }

    /// <summary>
    /// Joins a run of changes into one deletion followed by one insertion, taking in the spaces
    /// between changed words, so "tài chính" -> "ngân sách" reads as such and not word by word.
    /// </summary>
    private static List<TextDiffSegment> Group(List<TextDiffSegment> segments)
    {
        var grouped = new List<TextDiffSegment>();
        var deleted = new StringBuilder();
        var inserted = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var pending = deleted.Length > 0 || inserted.Length > 0;
            if (segment.Operation == TextDiffOperation.Equal &&
                !(pending && string.IsNullOrWhiteSpace(segment.Text) && i + 1 < segments.Count && segments[i + 1].Operation != TextDiffOperation.Equal))
            {
                Flush(grouped, deleted, inserted);
                Append(grouped, segment);
                continue;
            }

            if (segment.Operation != TextDiffOperation.Inserted)
            {
                deleted.Append(segment.Text);
            }

            if (segment.Operation != TextDiffOperation.Deleted)
            {
                inserted.Append(segment.Text);
            }
        }

        Flush(grouped, deleted, inserted);
        return grouped;
    }

    private static void Flush(List<TextDiffSegment> grouped, StringBuilder deleted, StringBuilder inserted)
    {
        if (deleted.Length > 0)
        {
            grouped.Add(new(TextDiffOperation.Deleted, deleted.ToString()));
        }

        if (inserted.Length > 0)
        {
            grouped.Add(new(TextDiffOperation.Inserted, inserted.ToString()));
        }

        deleted.Clear();
        inserted.Clear();
    }

    private static void Append(List<TextDiffSegment> grouped, TextDiffSegment segment)
    {
        if (grouped.Count > 0 && grouped[^1].Operation == segment.Operation)
        {
            grouped[^1] = segment with { Text = grouped[^1].Text + segment.Text };
        }
        else
        {
            grouped.Add(segment);
        }
    }

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex WordOrSpace();

    [GeneratedRegex(@"[^\n]*\n|[^\n]+")]
    private static partial Regex LineWithBreak();
}
