using Portal.Modules.Search.Services;

namespace Portal.Modules.Search.Tests;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Phan Đình Phùng", "phan dinh phung")]
    [InlineData("TÀI CHÍNH", "tai chinh")]
    [InlineData("đ Đ", "d d")]
    [InlineData("Ủy ban nhân dân tỉnh Thái Nguyên", "uy ban nhan dan tinh thai nguyen")]
    [InlineData("Người dân", "nguoi dan")]
    public void Fold_LowerCasesAndRemovesDiacritics(string text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Fact]
    public void Fold_IsOneCharacterPerCharacter_ForComposedVietnamese()
    {
        const string text = "Hội nghị tổng kết năm 2025 – Sở Tài chính: “Đổi mới”";
        Assert.Equal(text.Length, SearchText.Fold(text).Length);
    }

    [Fact]
    public void Fold_DropsStrayCombiningMarks_OfDecomposedText()
    {
        var decomposed = "Phùng".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("phung", SearchText.Fold(decomposed));
    }

    [Fact]
    public void FoldToTokens_KeepsWordsOnly_JoinedBySingleSpaces() =>
        Assert.Equal("tai chinh ngan sach 2025 covid 19", SearchText.FoldToTokens("Tài chính - Ngân sách (2025); COVID-19!"));

    [Theory]
    [InlineData("\"tài chính\"", new[] { "tai", "chinh" })]
    [InlineData("tai* -chinh", new[] { "tai", "chinh" })]
    [InlineData("NEAR(tai chinh, 2)", new[] { "near", "tai", "chinh", "2" })]
    [InlineData("title:abc OR body:(x AND y)", new[] { "title", "abc", "or", "body", "x", "and", "y" })]
    [InlineData("'; DROP TABLE \"SearchDocuments\"; --", new[] { "drop", "table", "searchdocuments" })]
    [InlineData("d đ Đ", new[] { "d" })]
    public void QueryTokens_SplitsOnEverySign_AndFolds(string query, string[] expected) =>
        Assert.Equal(expected, SearchText.QueryTokens(query));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" * - ( ) : ^ ' ")]
    public void QueryTokens_OfNothingToSearch_IsEmpty(string? query) =>
        Assert.Empty(SearchText.QueryTokens(query));

    [Fact]
    public void QueryTokens_OfAVeryLongQuery_ReadsTheFirst200CharactersAndAtMost12Words()
    {
        var tokens = SearchText.QueryTokens(string.Concat(Enumerable.Repeat("tài chính ngân sách nhà nước ", 400)));
        Assert.Equal(["tai", "chinh", "ngan", "sach", "nha", "nuoc"], tokens);

        var words = SearchText.QueryTokens(string.Join(' ', Enumerable.Range(1, 50).Select(i => $"w{i}")));
        Assert.Equal(SearchText.MaxQueryTokens, words.Count);

        var one = SearchText.QueryTokens(new string('a', 10_000));
        Assert.Equal(new string('a', SearchText.MaxTokenLength), Assert.Single(one));
    }

    [Fact]
    public void QueryTokens_HoldLettersAndDigitsOnly()
    {
        var hostile = "\"*-():^'{}[]<>;,.!?/\\|&%$#@~`+=–—“”‘’…";
        foreach (var token in SearchText.QueryTokens("a" + hostile + "b" + hostile + "1"))
        {
            Assert.All(token, c => Assert.True(char.IsLetterOrDigit(c), $"'{c}' in '{token}'"));
        }
    }

    [Fact]
    public void HtmlToText_RemovesTagsAndScripts_DecodesEntities()
    {
        var text = SearchText.HtmlToText("<p>Sở <strong>Tài&nbsp;chính</strong> &amp; Kho bạc</p><script>alert(1)</script><ul><li>Một</li><li>Hai</li></ul>");
        Assert.Equal("Sở Tài chính & Kho bạc Một Hai", text);
    }
}
