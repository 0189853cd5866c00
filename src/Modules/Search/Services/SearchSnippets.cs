using System.Text;

namespace Portal.Modules.Search.Services;

/// <summary>
/// Highlights the searched words in the original text (with its diacritics): every word whose
/// folded form is one of the query's words is wrapped in <c>&lt;mark&gt;</c>. The result is HTML,
/// the text itself encoded.
/// </summary>
public static class SearchSnippets
{
    /// <summary>The default length of a body snippet, in characters of text.</summary>
    public const int SnippetLength = 240;

    /// <summary>The whole <paramref name="text"/>, HTML-encoded, with the matching words marked.</summary>
    public static string Highlight(string text, IReadOnlyCollection<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var words = Words(text);
        return Render(text, words, Matches(words, tokens), 0, text.Length);
    }

    /// <summary>
    /// About <paramref name="length"/> characters of <paramref name="text"/> around the place where
    /// most of the query's words occur (the start when none does), cut at word boundaries, with an
    /// ellipsis where text was left out; HTML-encoded, matching words marked.
    /// </summary>
    public static string Snippet(string text, IReadOnlyCollection<string> tokens, int length = SnippetLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        if (text.Length <= length)
        {
            return Highlight(text, tokens);
        }

        var words = Words(text);
        var matches = Matches(words, tokens);
        var start = 0;
        if (matches.Count > 0)
        {
            // The window (starting a little before a match) that holds the most distinct query words, then the most matches.
            var best = (Distinct: -1, Count: -1, Start: 0);
            foreach (var m in matches)
            {
                var from = words[m].Start;
                var inWindow = matches.Where(o => words[o].Start >= from && words[o].End <= from + length).ToList();
                var distinct = inWindow.Select(o => words[o].Folded).Distinct(StringComparer.Ordinal).Count();
                if (distinct > best.Distinct || (distinct == best.Distinct && inWindow.Count > best.Count))
                {
                    best = (distinct, inWindow.Count, from);
                }
            }

            // A few words of context before the first match.
            start = Math.Max(0, best.Start - (length / 6));
            var first = words.FindIndex(w => w.End > start);
            start = first >= 0 ? Math.Min(words[first].Start, best.Start) : best.Start;
        }

        var end = Math.Min(text.Length, start + length);
        if (end < text.Length)
        {
            // Do not cut a word: end after the last word that fits.
            var last = words.FindLastIndex(w => w.End <= end && w.Start >= start);
            if (last >= 0)
            {
                end = words[last].End;
            }
        }

        var html = Render(text, words, matches, start, end);
        return (start > 0 ? "… " : "") + html + (end < text.Length ? " …" : "");
    }

    internal readonly record struct Word(int Start, int End, string Folded);

    /// <summary>The words of the text: their place in the original and their folded form.</summary>
    internal static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var folded = new StringBuilder();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var f = SearchText.FoldChar(text[i]);
            if (f == '\0')
            {
                // A stray combining mark belongs to the word it follows.
                continue;
            }

            if (SearchText.IsWordChar(f))
            {
                if (start < 0)
                {
                    start = i;
                }

                folded.Append(f);
                continue;
            }

            if (start >= 0)
            {
                words.Add(new Word(start, i, folded.ToString()));
                folded.Clear();
                start = -1;
            }
        }

        if (start >= 0)
        {
            words.Add(new Word(start, text.Length, folded.ToString()));
        }

        return words;
    }

    private static List<int> Matches(List<Word> words, IReadOnlyCollection<string> tokens)
    {
        var wanted = new HashSet<string>(tokens.Select(t => t.Length > SearchText.MaxTokenLength ? t[..SearchText.MaxTokenLength] : t), StringComparer.Ordinal);
        var matches = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            var folded = words[i].Folded;
            if (wanted.Contains(folded.Length > SearchText.MaxTokenLength ? folded[..SearchText.MaxTokenLength] : folded))
            {
                matches.Add(i);
            }
        }

        return matches;
    }

    private static string Render(string text, List<Word> words, List<int> matches, int start, int end)
    {
        var html = new StringBuilder(end - start + 32);
        var at = start;
        foreach (var m in matches)
        {
            var word = words[m];
            if (word.Start < start || word.End > end)
            {
                continue;
            }

            Encode(html, text, at, word.Start);
            html.Append("<mark>");
            Encode(html, text, word.Start, word.End);
            html.Append("</mark>");
            at = word.End;
        }

        Encode(html, text, at, end);
        return html.ToString();
    }

    private static void Encode(StringBuilder html, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                default: html.Append(c); break;
            }
        }
    }
}
