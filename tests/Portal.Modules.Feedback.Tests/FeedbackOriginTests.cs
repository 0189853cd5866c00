using Microsoft.AspNetCore.Http;
using Portal.Modules.Feedback.Services;

namespace Portal.Modules.Feedback.Tests;

public sealed class FeedbackOriginTests
{
    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin", true)]
    [InlineData("Sec-Fetch-Site", "same-site", false)]
    [InlineData("Sec-Fetch-Site", "cross-site", false)]
    [InlineData("Sec-Fetch-Site", "none", false)]
    [InlineData("Origin", "https://sotaichinh.thainguyen.gov.vn", true)]
    [InlineData("Origin", "https://SOTAICHINH.thainguyen.gov.vn", true)]
    [InlineData("Origin", "https://phandinhphung.thainguyen.gov.vn", false)]
    [InlineData("Origin", "https://sotaichinh.thainguyen.gov.vn.evil.example", false)]
    [InlineData("Origin", "null", false)]
    [InlineData("Referer", "https://sotaichinh.thainguyen.gov.vn/tin-tuc/hoi-nghi", true)]
    [InlineData("Referer", "https://evil.example/?https://sotaichinh.thainguyen.gov.vn/", false)]
    [InlineData("Referer", "javascript://sotaichinh.thainguyen.gov.vn/", false)]
    public void Post_IsSameOriginOnlyWhenTheBrowserNamesThisHost(string header, string value, bool expected)
    {
        var request = Request();
        request.Headers[header] = value;
        Assert.Equal(expected, FeedbackOrigin.IsSameOrigin(request));
    }

    [Fact]
    public void Post_WithoutAnyOriginHeader_IsRefused() =>
        Assert.False(FeedbackOrigin.IsSameOrigin(Request()));

    [Fact]
    public void FetchMetadata_Wins_OverAMatchingOrigin()
    {
        var request = Request();
        request.Headers["Sec-Fetch-Site"] = "cross-site";
        request.Headers.Origin = "https://sotaichinh.thainguyen.gov.vn";
        Assert.False(FeedbackOrigin.IsSameOrigin(request));
    }

    private static HttpRequest Request()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("sotaichinh.thainguyen.gov.vn");
        return context.Request;
    }
}
