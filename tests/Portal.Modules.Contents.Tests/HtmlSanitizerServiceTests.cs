using System.Text.Json.Nodes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Tests;

public sealed class HtmlSanitizerServiceTests
{
    private readonly HtmlSanitizerService _sanitizer = new();

    [Fact]
    public void Sanitize_StripsScriptElements()
    {
        var html = _sanitizer.Sanitize("<p>Xin chào</p><script>alert('x')</script>");

        Assert.Equal("<p>Xin chào</p>", html);
    }

    [Fact]
    public void Sanitize_StripsEventHandlersAndJavascriptUrls()
    {
        var html = _sanitizer.Sanitize("<img src=\"/media/anh.jpg\" alt=\"Ảnh\" onerror=\"alert(1)\"><a href=\"javascript:alert(1)\">x</a>");

        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("src=\"/media/anh.jpg\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Ảnh\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_KeepsOrdinaryArticleMarkup()
    {
        const string Article =
            "<h2>Tiêu đề</h2><p><strong>Đậm</strong> <em>nghiêng</em> <a href=\"https://thainguyen.gov.vn/\">liên kết</a></p>" +
            "<ul><li>Một</li></ul><ol><li>Hai</li></ol><blockquote>Trích dẫn</blockquote>" +
            "<table><tbody><tr><td>Ô</td></tr></tbody></table>";

        Assert.Equal(Article, _sanitizer.Sanitize(Article));
    }

    [Fact]
    public async Task ContentManager_StoresSanitisedBody()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Page", nameof(BodyPart));

        await host.RunAsync(tenant, async contents =>
        {
            var page = await contents.NewAsync("Page");
            page.Apply(new BodyPart { Html = "<p>Nội dung</p><img src=x onerror=\"alert(1)\"><script>alert(2)</script>" });
            return await contents.CreateAsync(page, publish: true);
        });

        var stored = Assert.Single(host.Rows<ContentItem>(tenant)).As<BodyPart>()!.Html!;
        Assert.DoesNotContain("script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", stored, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("<p>Nội dung</p>", stored, StringComparison.Ordinal);
    }
}
