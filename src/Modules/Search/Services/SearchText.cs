using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Modules.Search.Services;

/// <summary>
/// The text rules search matches by: folding (lower case, diacritics removed, <c>đ</c> -> <c>d</c>),
/// words (runs of letters and digits), the plain text of an HTML body, and the safe reading of a
/// visitor's query (cut, folded, split into words that carry no query syntax).
/// </summary>
public static partial class SearchText
{
    /// <summary>A query is cut to this many characters before it is read.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>At most this many words of a query are searched for.</summary>
    public const int MaxQueryTokens = 12;

    /// <summary>A word longer than this is cut (no Vietnamese word comes near it).</summary>
    public const int MaxTokenLength = 64;

    // Folded form of every UTF-16 code unit ('\0': dropped, a combining mark). Built once.
    private static readonly Lazy<char[]> Table = new(BuildTable);

    /// <summary>
    /// The folded form of one character: lower case, without its diacritics, <c>đ</c>/<c>Đ</c> -> <c>d</c>;
    /// <c>'\0'</c> for a combining mark on its own (text that was not in NFC), which folds to nothing.
    /// Every other character folds to exactly one character, so folded text lines up with the original.
    /// </summary>
    public static char FoldChar(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : Table.Value[c];

    /// <summary>"Phan Đình Phùng" -> "phan dinh phung" (characters dropped only for stray combining marks).</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = FoldChar(c);
            if (folded != '\0')
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    /// <summary>True for a character that belongs to a word (a letter or a digit of any script).</summary>
    public static bool IsWordChar(char c) => c < 128
        ? c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        : char.IsLetterOrDigit(c) || char.IsSurrogate(c);

    /// <summary>The folded words of <paramref name="text"/>, in order, each cut to <see cref="MaxTokenLength"/>.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = new StringBuilder();
        foreach (var c in text)
        {
            var folded = FoldChar(c);
            if (folded == '\0')
            {
                continue;
            }

            if (IsWordChar(folded))
            {
                if (word.Length < MaxTokenLength)
                {
                    word.Append(folded);
                }

                continue;
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>
    /// What is stored and indexed for a text: its folded words joined by single spaces
    /// ("Tài chính - Ngân sách" -> "tai chinh ngan sach"), so SQLite's tokenizer and PostgreSQL's
    /// parser both see plain lower-case words and find the same ones.
    /// </summary>
    public static string FoldToTokens(string text) => string.Join(' ', Tokens(text));

    /// <summary>
    /// The words to search for in a visitor's query: the first <see cref="MaxQueryLength"/>
    /// characters, folded and split on everything that is not a letter or digit (quotes, <c>*</c>,
    /// <c>-</c>, <c>:</c>, parentheses...), without repeats, at most <see cref="MaxQueryTokens"/>.
    /// The words hold letters and digits only, so no query syntax reaches the database.
    /// </summary>
    public static IReadOnlyList<string> QueryTokens(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var cut = query;
        if (query.Length > MaxQueryLength)
        {
            // Cut, without keeping half a word at the end.
            cut = query[..MaxQueryLength];
            if (IsWordChar(FoldChar(query[MaxQueryLength])) && cut.LastIndexOf(' ') is > 0 and var space)
            {
                cut = cut[..space];
            }
        }

        return Tokens(cut.Normalize(NormalizationForm.FormC)).Distinct(StringComparer.Ordinal).Take(MaxQueryTokens).ToList();
    }

    /// <summary>The plain text of sanitised HTML: tags removed (blocks and line breaks become spaces), entities decoded, spaces collapsed, NFC.</summary>
    public static string HtmlToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var text = InvisibleElements().Replace(html, " ");
        text = Tags().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Trims, collapses runs of white space and brings text to NFC.</summary>
    public static string Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : Spaces().Replace(text, " ").Trim().Normalize(NormalizationForm.FormC);

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            table[i] = c;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            // Đ/đ are letters of their own (no decomposition); Ð/ð (eth) are typed for them by mistake.
            if (c is 'đ' or 'Đ' or 'Ð' or 'ð')
            {
                table[i] = 'd';
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                table[i] = '\0';
                continue;
            }

            if (category is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Control)
            {
                continue;
            }

            one[0] = c;
            var decomposed = new string(one).Normalize(NormalizationForm.FormD);
            // Keep the character unless it decomposes into one base and marks (Hangul syllables, for one, do not).
            var bases = decomposed.Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToList();
            var baseChar = bases.Count == 1 ? bases[0] : c;
            table[i] = char.ToLowerInvariant(baseChar);
        }

        return table;
    }

    [GeneratedRegex(@"<(script|style|template)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InvisibleElements();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
