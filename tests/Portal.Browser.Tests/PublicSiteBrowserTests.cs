using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>
/// The public sites (issue 8) in a real browser: an editor publishes, a visitor reads it on that
/// site only and rates it; accessibility (axe) of the public page kinds; small and wide screens.
/// </summary>
public sealed partial class PortalBrowserTests
{
    private const string Site = "sotaichinh";

    [BrowserFact]
    public async Task Editor_PublishesAnArticleWithAnImage_AVisitorSeesItOnThatSiteOnly_AndRatesIt_WithAndWithoutJavaScript()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.UrlOf(Site, "/admin/contents"));
        await SignInAsync(page, KestrelAppFactory.AdminPassword);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nội dung");

        var marker = Guid.NewGuid().ToString("N")[..6];
        var title = $"Hội nghị triển khai nhiệm vụ tài chính năm 2027 {marker}";
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm tin bài" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thêm tin bài");
        await page.GetByLabel("Tiêu đề").FillAsync(title);
        var body = page.Locator(".ql-editor");
        await body.ClickAsync();
        await page.Keyboard.TypeAsync("Sáng nay, Sở Tài chính tổ chức hội nghị triển khai nhiệm vụ năm 2027.");
        await page.Keyboard.PressAsync("Enter");
        // An image from the media library, through the picker.
        await page.Locator(".ql-toolbar .ql-image").ClickAsync();
        var picker = page.Locator("dialog.media-picker");
        await Expect(picker).ToBeVisibleAsync();
        // The library opens at its top level: the demo's images are in a folder.
        await picker.Locator(".media-folders button").First.ClickAsync();
        await picker.Locator(".media-choose").First.ClickAsync();
        await Expect(body.Locator("img")).ToHaveCountAsync(1);
        var imageSrc = await body.Locator("img").GetAttributeAsync("src");
        Assert.Matches("/media/", imageSrc);

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và xuất bản", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "xuất bản" })).ToContainTextAsync($"Đã lưu và xuất bản \"{title}\".");
        var path = "/" + (await page.GetByLabel("Đường dẫn").InputValueAsync()).Trim('/');
        Assert.Contains(marker, path, StringComparison.Ordinal);

        // A visitor (no cookies) reads it on the site's public page, image loaded.
        await using var visitorContext = await browser.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        var response = await visitor.GotoAsync(App.UrlOf(Site, path));
        Assert.Equal(200, response!.Status);
        Assert.Null(await response.HeaderValueAsync("set-cookie"));
        await Expect(visitor.Locator("main h1")).ToHaveTextAsync(title);
        var storedName = Regex.Match(imageSrc!, "[0-9a-f]{32}").Value;
        Assert.NotEmpty(storedName);
        var image = visitor.Locator($"main img[src*='{storedName}']").First;
        await Expect(image).ToBeVisibleAsync();
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the article's image did not load");
        await PortalBrowser.ScreenshotAsync(visitor, "public-article-published");

        // No other site has it.
        var elsewhere = await visitor.GotoAsync(App.UrlOf("phandinhphung", path));
        Assert.Equal(404, elsewhere!.Status);
        Assert.Equal(404, (await visitor.GotoAsync(App.UrlOf("Default", path)))!.Status);

        // The reader rates it: with JavaScript the thanks appear in place.
        await visitor.GotoAsync(App.UrlOf(Site, path));
        var feedback = visitor.Locator("form[data-feedback]");
        await Expect(feedback.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Thông tin này có hữu ích với bạn không?");
        await feedback.GetByLabel("Góp ý thêm (không bắt buộc, tối đa 500 ký tự)").FillAsync($"Bài viết hữu ích {marker}");
        await feedback.GetByRole(AriaRole.Button, new() { Name = "Có", Exact = true }).ClickAsync();
        await Expect(visitor.Locator(".feedback-thanks")).ToContainTextAsync("Cảm ơn bạn đã gửi ý kiến!");
        Assert.EndsWith(path, new Uri(visitor.Url).AbsolutePath, StringComparison.Ordinal);
        await PortalBrowser.ScreenshotAsync(visitor, "public-article-feedback-thanks");

        // Without JavaScript the form posts itself and a themed page thanks the reader.
        await using var noScriptContext = await browser.NewContextAsync(javaScriptEnabled: false);
        var noScript = await noScriptContext.NewPageAsync();
        await noScript.GotoAsync(App.UrlOf(Site, path));
        await noScript.Locator("form[data-feedback]").GetByRole(AriaRole.Button, new() { Name = "Không", Exact = true }).ClickAsync();
        await Expect(noScript.Locator("main h1")).ToHaveTextAsync("Cảm ơn bạn");
        await Expect(noScript.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await noScript.GetByRole(AriaRole.Link, new() { Name = "Quay lại trang vừa xem" }).ClickAsync();
        await Expect(noScript.Locator("main h1")).ToHaveTextAsync(title);

        // The editor sees both answers and the comment.
        await page.GotoAsync(App.UrlOf(Site, "/admin/feedback"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ý kiến bạn đọc");
        var row = page.Locator("tbody tr").Filter(new() { HasText = title });
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("50%");
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.Locator("tbody")).ToContainTextAsync($"Bài viết hữu ích {marker}");
        await Expect(page.Locator("tbody td").First).ToHaveTextAsync(DayAndTime());
        await PortalBrowser.ScreenshotAsync(page, "admin-feedback-comments");
    }

    [BrowserFact]
    public async Task PublicPages_HaveNoSeriousOrCriticalAccessibilityViolations()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var pages = new List<(string Name, string Url)>
        {
            ("trang chủ", App.UrlOf(Site)),
            ("trang chủ cổng tỉnh", App.UrlOf("Default")),
            ("chuyên mục", await FirstLinkAsync(page, App.UrlOf(Site), "/chuyen-muc/") ?? App.UrlOf(Site, "/tin-tuc")),
            ("tin bài", await ArticleUrlAsync(page)),
            ("tìm kiếm", App.UrlOf(Site, "/tim-kiem?q=" + Uri.EscapeDataString("thông tin"))),
            ("trang tĩnh", App.UrlOf(Site, "/gioi-thieu")),
        };

        var report = new StringBuilder();
        foreach (var (name, url) in pages)
        {
            var response = await page.GotoAsync(url);
            if (response!.Status != 200)
            {
                report.AppendLine($"{name} {url}: answered {response.Status}");
                continue;
            }

            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
            });
            foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                report.AppendLine($"{name} {url}: [{violation.Impact}] {violation.Id}: {violation.Help}");
                foreach (var node in violation.Nodes.Take(5))
                {
                    report.AppendLine($"    {node.Target} {node.Html}");
                }
            }
        }

        Assert.True(report.Length == 0, "axe found serious or critical violations (or a page did not open):\n" + report);
    }

    [BrowserFact]
    public async Task HomeAndArticle_FitA360PixelScreen_WithoutSidewaysScrolling_AndAreCapturedAt360And1440()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var article = await ArticleUrlAsync(page);

        foreach (var (name, url) in new[] { ("home", App.UrlOf(Site)), ("article", article) })
        {
            foreach (var width in new[] { 360, 1440 })
            {
                await page.SetViewportSizeAsync(width, width == 360 ? 780 : 900);
                Assert.Equal(200, (await page.GotoAsync(url))!.Status);
                await PortalBrowser.ScreenshotAsync(page, $"{Site}-{name}-{width}");
                if (width == 360)
                {
                    var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                    Assert.True(scrollWidth <= 360, $"{name} ({url}) is {scrollWidth} px wide at 360 px: it scrolls sideways");
                }
            }
        }

        foreach (var file in new[] { "home-360", "home-1440", "article-360", "article-1440" })
        {
            Assert.True(new FileInfo(Path.Combine(PortalBrowser.ScreenshotFolder, $"{Site}-{file}.png")).Length > 0);
        }
    }

    /// <summary>A published article of the site, found as a visitor finds it: the first one on the home page, or on the news list.</summary>
    private async Task<string> ArticleUrlAsync(IPage page) =>
        await FirstLinkAsync(page, App.UrlOf(Site), "/tin-tuc/")
        ?? await FirstLinkAsync(page, App.UrlOf(Site, "/tin-tuc"), "/tin-tuc/")
        ?? throw new InvalidOperationException("the news list links to no article: " + await page.Locator("main").InnerHTMLAsync());

    private static async Task<string?> FirstLinkAsync(IPage page, string listUrl, string prefix)
    {
        await page.GotoAsync(listUrl);
        // Anywhere on the page: a category is linked from the menu as well as from the content.
        var links = page.Locator($"a[href*='{prefix}']");
        foreach (var href in await links.EvaluateAllAsync<string[]>("links => links.map(a => a.href)"))
        {
            var uri = new Uri(href);
            if (uri.AbsolutePath.StartsWith(prefix, StringComparison.Ordinal) && uri.AbsolutePath.Length > prefix.Length && uri.Query.Length == 0)
            {
                return href;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$")]
    private static partial Regex DayAndTime();
}
