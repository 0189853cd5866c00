using System.Text;
using Portal.Modules.Feedback.Services;

namespace Portal.Modules.Feedback.Tests;

public sealed class FeedbackInputTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData(" yes ", true)]
    public void Rating_YesOrNo_IsAccepted(string rating, bool helpful)
    {
        Assert.True(FeedbackInput.TryValidate(rating, "/tin-tuc/hoi-nghi", null, out var feedback, out var error), error);
        Assert.Equal(helpful, feedback!.Helpful);
        Assert.Equal("tin-tuc/hoi-nghi", feedback.Path);
        Assert.Null(feedback.Comment);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("YES")]
    [InlineData("1")]
    [InlineData("có")]
    [InlineData("maybe")]
    public void Rating_OtherThanYesOrNo_IsRefusedInVietnamese(string? rating)
    {
        Assert.False(FeedbackInput.TryValidate(rating, "gioi-thieu", null, out var feedback, out var error));
        Assert.Null(feedback);
        Assert.Equal(FeedbackInput.RatingRequired, error);
    }

    [Theory]
    [InlineData("gioi-thieu", "gioi-thieu")]
    [InlineData("/Tin-Tuc/Hoi-Nghi-2025/", "tin-tuc/hoi-nghi-2025")]
    [InlineData(" lanh-dao/nguyen-van-a ", "lanh-dao/nguyen-van-a")]
    public void Path_IsNormalisedAsRoutePartStoresIt(string path, string expected) =>
        Assert.Equal(expected, FeedbackInput.NormalizePath(path));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("tin-tuc//a")]
    [InlineData("../admin")]
    [InlineData("tin-tuc/./a")]
    [InlineData("https://evil.example/tin-tuc")]
    [InlineData("tin-tuc/hội-nghị")]
    [InlineData("tin-tuc/a?x=1")]
    [InlineData("tin tuc")]
    [InlineData("<script>")]
    public void Path_ThatCannotBeAPage_IsRefused(string? path)
    {
        Assert.Null(FeedbackInput.NormalizePath(path));
        Assert.False(FeedbackInput.TryValidate("yes", path, null, out _, out var error));
        Assert.Equal(FeedbackInput.UnknownPage, error);
    }

    [Fact]
    public void Path_LongerThanTheColumn_IsRefused()
    {
        Assert.Null(FeedbackInput.NormalizePath(new string('a', 401)));
        Assert.Equal(new string('a', 400), FeedbackInput.NormalizePath(new string('a', 400)));
    }

    [Fact]
    public void Comment_IsTrimmed_InNfc_WithLineBreaksKept_AndControlCharactersDropped()
    {
        var decomposed = "Thông tin rất hữu ích".Normalize(NormalizationForm.FormD);
        Assert.True(FeedbackInput.TryValidate("yes", "gioi-thieu", $"  {decomposed}\r\nCảm ơn\u0000\u0007\u202E\tban biên tập  ", out var feedback, out var error), error);
        Assert.Equal("Thông tin rất hữu ích\nCảm ơn ban biên tập", feedback!.Comment);
        Assert.True(feedback.Comment!.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("\u0000\u0001")]
    public void Comment_Blank_IsNone(string? comment)
    {
        Assert.True(FeedbackInput.TryValidate("no", "gioi-thieu", comment, out var feedback, out var error), error);
        Assert.Null(feedback!.Comment);
    }

    [Fact]
    public void Comment_Of500Characters_IsKept_And501_IsRefused()
    {
        var exactly = new string('ă', 500);
        Assert.True(FeedbackInput.TryValidate("yes", "gioi-thieu", "  " + exactly + "  ", out var feedback, out _));
        Assert.Equal(exactly, feedback!.Comment);

        Assert.False(FeedbackInput.TryValidate("yes", "gioi-thieu", exactly + "a", out feedback, out var error));
        Assert.Null(feedback);
        Assert.Equal(FeedbackInput.CommentTooLong, error);
    }

    [Fact]
    public void Comment_IsCountedAfterNfc_SoDecomposedVietnameseIsNotPenalised()
    {
        // 300 "ế" decomposed are 900 UTF-16 units, composed 300.
        var decomposed = new string('ế', 300).Normalize(NormalizationForm.FormD);
        Assert.True(decomposed.Length > 500);
        Assert.True(FeedbackInput.TryValidate("yes", "gioi-thieu", decomposed, out var feedback, out var error), error);
        Assert.Equal(300, feedback!.Comment!.Length);
    }

    [Fact]
    public void Comment_WithMarkup_IsKeptAsPlainText()
    {
        Assert.True(FeedbackInput.TryValidate("no", "gioi-thieu", "<script>alert(1)</script>", out var feedback, out _));
        Assert.Equal("<script>alert(1)</script>", feedback!.Comment);
    }

    [Fact]
    public void Comment_WithALoneSurrogate_IsRefused()
    {
        Assert.False(FeedbackInput.TryValidate("yes", "gioi-thieu", "abc\uD800def", out _, out var error));
        Assert.Equal(FeedbackInput.CommentInvalid, error);
    }
}
