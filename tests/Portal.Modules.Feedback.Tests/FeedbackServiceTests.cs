using System.Net;
using Microsoft.AspNetCore.Http;
using Portal.Core.Themes;
using Portal.Modules.Feedback.Services;

namespace Portal.Modules.Feedback.Tests;

public sealed class FeedbackServiceTests
{
    [Fact]
    public void ClientHash_NeverHoldsTheAddress_IsStableOnADay_AndChangesWithTheDayAndTheSite()
    {
        var ip = IPAddress.Parse("203.113.1.25");
        var day = new DateOnly(2026, 12, 2);
        var hash = FeedbackService.ClientHash("t1", day, ip);

        Assert.Equal(32, hash.Length);
        Assert.DoesNotContain("203", hash, StringComparison.Ordinal);
        Assert.Equal(hash, FeedbackService.ClientHash("t1", day, IPAddress.Parse("203.113.1.25")));
        Assert.NotEqual(hash, FeedbackService.ClientHash("t1", day.AddDays(1), ip));
        Assert.NotEqual(hash, FeedbackService.ClientHash("t2", day, ip));
        Assert.NotEqual(hash, FeedbackService.ClientHash("t1", day, IPAddress.Parse("203.113.1.26")));
    }

    [Fact]
    public void Period_DefaultsToTheCurrentMonthInVietnam()
    {
        // 31/12/2026 18:00 UTC is already 01/01/2027 in Vietnam.
        var now = new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero);
        Assert.True(FeedbackService.TryParsePeriod(null, null, now, out var period));
        Assert.Equal(new FeedbackPeriod(2027, 1), period);
        Assert.Equal(new DateOnly(2027, 1, 1), period.From);
        Assert.Equal(new DateOnly(2027, 2, 1), period.Until);
        Assert.Equal("tháng 01/2027", period.Label);
    }

    [Fact]
    public void Period_MonthZero_IsTheWholeYear()
    {
        Assert.True(FeedbackService.TryParsePeriod("0", "2026", DateTimeOffset.UtcNow, out var period));
        Assert.Null(period.Month);
        Assert.Equal(new DateOnly(2026, 1, 1), period.From);
        Assert.Equal(new DateOnly(2027, 1, 1), period.Until);
        Assert.Equal("năm 2026", period.Label);
    }

    [Theory]
    [InlineData("13", "2026")]
    [InlineData("-1", "2026")]
    [InlineData("x", "2026")]
    [InlineData("5", "1999")]
    [InlineData("5", "99999999999")]
    [InlineData("5", "năm")]
    public void Period_OutOfRange_IsRefused(string month, string year) =>
        Assert.False(FeedbackService.TryParsePeriod(month, year, DateTimeOffset.UtcNow, out _));

    [Fact]
    public void Result_PercentHelpful_IsRounded_AndZeroWithoutAnswers()
    {
        Assert.Equal(67, new FeedbackPageResult("a", "t", "p", 2, 1, 0).PercentHelpful);
        Assert.Equal(0, new FeedbackPageResult("a", "t", "p", 0, 0, 0).PercentHelpful);
    }

    [Fact]
    public async Task Widget_RendersOnlyOnItemPages_WithTheEncodedPathAndThePathBase()
    {
        var widget = new FeedbackWidget();
        var context = new DefaultHttpContext();
        context.Request.PathBase = "/sotaichinh";
        Assert.Null(await widget.RenderAsync(context));

        context.Features.Set(new PublicPageFeature(null, null, "Tin tức", "/sotaichinh/tin-tuc"));
        Assert.Null(await widget.RenderAsync(context));

        context.Features.Set(new PublicPageFeature("4f1c", "Article", "Hội nghị", "https://so.thainguyen.gov.vn/sotaichinh/tin-tuc/hoi-nghi"));
        var html = (await widget.RenderAsync(context))!.ToString();
        Assert.Contains("action=\"/sotaichinh/phan-hoi\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"path\" value=\"tin-tuc/hoi-nghi\"", html, StringComparison.Ordinal);
        Assert.Contains(FeedbackWidget.Question, html, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"500\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);

        // Its script and style go in the head of the same pages only.
        var head = new FeedbackHeadWidget();
        Assert.Equal(PublicZones.Head, head.Zone);
        Assert.Contains("feedback.js", (await head.RenderAsync(context))!.ToString(), StringComparison.Ordinal);
        context.Features.Set<PublicPageFeature>(null);
        Assert.Null(await head.RenderAsync(context));
    }
}
