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
        return Merge(segments.Where(s => s.Text.Length > 0));
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

    private static List<TextDiffSegment> Merge(IEnumerable<TextDiffSegment> segments)
    {
        var merged = new List<TextDiffSegment>();
        foreach (var segment in segments)
        {
            if (merged.Count > 0 && merged[^1].Operation == segment.Operation)
            {
                merged[^1] = segment with { Text = merged[^1].Text + segment.Text };
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex WordOrSpace();

    [GeneratedRegex(@"[^\n]*\n|[^\n]+")]
    private static partial Regex LineWithBreak();
}
