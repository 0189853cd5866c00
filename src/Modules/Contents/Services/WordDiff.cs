using System.Text.RegularExpressions;

namespace Portal.Modules.Contents.Services;

public enum DiffKind
{
    Equal,
    Inserted,
    Deleted,
}

/// <summary>A run of text that is the same in both versions, only in the newer one, or only in the older one.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// Word-level difference of two texts (Myers' O(ND) algorithm over words and the spaces between
/// them), merged into runs, so a reader sees which words were inserted and which deleted.
/// </summary>
public static partial class WordDiff
{
    public static IReadOnlyList<DiffSegment> Compare(string? oldText, string? newText)
    {
        var a = Tokenize(oldText ?? "");
        var b = Tokenize(newText ?? "");
        // Common head and tail cost nothing; the algorithm runs on the middle only.
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }

        var segments = new List<DiffSegment>();
        Add(segments, DiffKind.Equal, a.Take(head));
        foreach (var (kind, token) in Middle(a.GetRange(head, a.Count - head - tail), b.GetRange(head, b.Count - head - tail)))
        {
            Add(segments, kind, [token]);
        }

        Add(segments, DiffKind.Equal, a.Skip(a.Count - tail));
        return segments;
    }

    /// <summary>True when the comparison found any insertion or deletion.</summary>
    public static bool HasChanges(IReadOnlyList<DiffSegment> segments) => segments.Any(s => s.Kind != DiffKind.Equal);

    private static List<string> Tokenize(string text) => [.. Tokens().Matches(text).Select(m => m.Value)];

    private static void Add(List<DiffSegment> segments, DiffKind kind, IEnumerable<string> tokens)
    {
        var text = string.Concat(tokens);
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text));
        }
    }

    /// <summary>Beyond this many edits the texts are shown as replaced whole (bounds time and memory).</summary>
    private const int MaxEdits = 2000;

    // Myers: find the shortest edit script, keeping each round's furthest points (k in -d..d) to walk back.
    private static List<(DiffKind, string)> Middle(List<string> a, List<string> b)
    {
        int n = a.Count, m = b.Count, max = n + m;
        List<(DiffKind, string)> Replaced() => [.. a.Select(t => (DiffKind.Deleted, t)), .. b.Select(t => (DiffKind.Inserted, t))];
        if (n == 0 || m == 0)
        {
            return Replaced();
        }

        var v = new int[(2 * max) + 2];
        var trace = new List<int[]>();
        for (var d = 0; d <= Math.Min(max, MaxEdits); d++)
        {
            trace.Add(v[(max - d)..(max + d + 1)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, a, b, d);
                }
            }
        }

        return Replaced();
    }

    private static List<(DiffKind, string)> Backtrack(List<int[]> trace, List<string> a, List<string> b, int depth)
    {
        var result = new List<(DiffKind, string)>();
        int x = a.Count, y = b.Count;
        for (var d = depth; d > 0; d--)
        {
            var v = trace[d]; // v[i] is the furthest x on diagonal i - d after round d - 1
            var k = x - y;
            var prevK = k == -d || (k != d && v[d + k - 1] < v[d + k + 1]) ? k + 1 : k - 1;
            var prevX = v[d + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                result.Add((DiffKind.Equal, a[--x]));
                y--;
            }

            if (x == prevX)
            {
                result.Add((DiffKind.Inserted, b[--y]));
            }
            else
            {
                result.Add((DiffKind.Deleted, a[--x]));
            }
        }

        while (x > 0 && y > 0)
        {
            result.Add((DiffKind.Equal, a[--x]));
            y--;
        }

        result.Reverse();
        return result;
    }

    // Words (letters, digits, marks) or single other characters, and runs of white space.
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}_]+|\s+|.", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();
}
