using Portal.Modules.Search.Services;

namespace Portal.Modules.Search.Tests;

public sealed class SearchSnippetsTests
{
    [Fact]
    public void Highlight_MarksWordsInTheOriginalText_WithTheirDiacritics() =>
        Assert.Equal(
            "Phường <mark>Phan</mark> <mark>Đình</mark> <mark>Phùng</mark> tổ chức hội nghị",
            SearchSnippets.Highlight("Phường Phan Đình Phùng tổ chức hội nghị", SearchText.QueryTokens("phan dinh phung")));

    [Fact]
    public void Highlight_MarksWholeWordsOnly()
    {
        var html = SearchSnippets.Highlight("Tài chính, tái chế và tai nạn", ["tai"]);
        Assert.Equal("<mark>Tài</mark> chính, <mark>tái</mark> chế và <mark>tai</mark> nạn", html);
        Assert.Equal("Tài chính", SearchSnippets.Highlight("Tài chính", ["ta"]));
    }

    [Fact]
    public void Highlight_EncodesTheText()
    {
        var html = SearchSnippets.Highlight("<script>alert('tài')</script> & \"chính\"", ["tai", "chinh"]);
        Assert.Equal("&lt;script&gt;alert(&#39;<mark>tài</mark>&#39;)&lt;/script&gt; &amp; &quot;<mark>chính</mark>&quot;", html);
    }

    [Fact]
    public void Highlight_KeepsDecomposedText_AndItsMarksInsideTheMark()
    {
        var text = "Đường Phùng Chí Kiên".Normalize(System.Text.NormalizationForm.FormD);
        var html = SearchSnippets.Highlight(text, ["phung"]);
        Assert.Equal($"{"Đường".Normalize(System.Text.NormalizationForm.FormD)} <mark>{"Phùng".Normalize(System.Text.NormalizationForm.FormD)}</mark> {"Chí Kiên".Normalize(System.Text.NormalizationForm.FormD)}", html);
    }

    [Fact]
    public void Snippet_OfALongText_IsAWindowAroundTheMatches_WithEllipses()
    {
        var filler = string.Concat(Enumerable.Repeat("Các phòng, ban chuyên môn triển khai thực hiện. ", 30));
        var text = filler + "Sở Tài chính thẩm định quyết toán ngân sách. " + filler;

        var snippet = SearchSnippets.Snippet(text, SearchText.QueryTokens("tai chinh quyet toan"));

        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
        Assert.Contains("Sở <mark>Tài</mark> <mark>chính</mark> thẩm định <mark>quyết</mark> <mark>toán</mark> ngân sách", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Length <= SearchSnippets.SnippetLength + 4);
    }

    [Fact]
    public void Snippet_WithoutAMatch_IsTheStartOfTheText_CutAtAWord()
    {
        var text = string.Concat(Enumerable.Repeat("Thông báo lịch tiếp công dân định kỳ. ", 20));
        var snippet = SearchSnippets.Snippet(text, ["khongco"]);
        Assert.StartsWith("Thông báo lịch", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", snippet, StringComparison.Ordinal);
        var cut = snippet[..^2].TrimEnd();
        Assert.True(char.IsLetter(cut[^1]) || cut[^1] == '.', cut);
        Assert.Contains(cut.Split(' ')[^1].TrimEnd('.'), new[] { "Thông", "báo", "lịch", "tiếp", "công", "dân", "định", "kỳ" });
    }

    [Fact]
    public void Snippet_OfAShortText_IsTheWholeText() =>
        Assert.Equal("Giới thiệu <mark>Sở</mark>", SearchSnippets.Snippet("Giới thiệu Sở", ["so"]));
}
