using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>An editor at work in the content admin of a component site.</summary>
public sealed partial class PortalBrowserTests
{
    [BrowserFact]
    public async Task Editor_WritesFormattedTextWithAnImage_Autosaves_Saves_EditsAgain_ComparesVersions_RestoresTheFirst_AndPublishes()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.UrlOf("sotaichinh", "/admin"));
        await SignInAsync(page, KestrelAppFactory.AdminPassword);

        // The list: the site's own demo items.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Chức năng quản trị" })
            .GetByRole(AriaRole.Link, new() { Name = "Nội dung" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nội dung");
        await Expect(page.Locator("tbody tr").Filter(new() { HasText = "Sở Tài chính ra mắt trang thông tin điện tử" })).ToHaveCountAsync(1);
        Assert.True(await page.Locator("tbody tr").CountAsync() >= 3);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the content list scrolls sideways at 1280 px");
        await PortalBrowser.ScreenshotAsync(page, "contents-list");

        // Write an article with formatted text in the WYSIWYG editor.
        var title = "Báo cáo tài chính quý IV " + Guid.NewGuid().ToString("N")[..4];
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm tin bài" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thêm tin bài");
        await page.GetByLabel("Tiêu đề").FillAsync(title);
        await page.GetByLabel("Tóm tắt").FillAsync("Tình hình thu chi ngân sách quý IV.");
        var body = page.Locator(".ql-editor");
        await body.ClickAsync();
        await page.Keyboard.TypeAsync("Thu ngân sách ");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync("vượt dự toán");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync(" nhờ quản lý chặt chẽ.");
        await Expect(body.Locator("strong")).ToHaveTextAsync("vượt dự toán");

        // An image from the media library, through the Media module's picker.
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".ql-toolbar .ql-image").ClickAsync();
        var picker = page.Locator("dialog.media-picker");
        await Expect(picker).ToBeVisibleAsync();
        await picker.Locator(".media-folders").GetByRole(AriaRole.Button, new() { Name = "Ảnh tin bài" }).ClickAsync();
        await picker.Locator(".media-choose").First.ClickAsync();
        await Expect(body.Locator("img")).ToHaveCountAsync(1);
        await page.Keyboard.TypeAsync("Ảnh: hội nghị tổng kết.");

        // Autosave keeps the text while the editor types (every 20 s).
        await Expect(page.Locator("#autosave-status")).ToContainTextAsync("Đã tự động lưu lúc", new() { Timeout = 45_000 });
        Assert.Contains(title, await page.EvaluateAsync<string>("() => Object.keys(localStorage).map(k => localStorage.getItem(k)).join(' ')"), StringComparison.Ordinal);
        await PortalBrowser.ScreenshotAsync(page, "contents-editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        var status = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu bản nháp" });
        await Expect(status).ToContainTextAsync($"Đã lưu bản nháp \"{title}\" (phiên bản 1)");
        await Expect(page.Locator(".ql-editor strong")).ToHaveTextAsync("vượt dự toán");
        await Expect(page.Locator(".ql-editor img")).ToHaveCountAsync(1); // kept by the sanitiser

        // Edit again: a second version.
        await page.Locator(".ql-editor").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" Chi thường xuyên giảm 5%.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu bản nháp" })).ToContainTextAsync("(phiên bản 2)");

        // Compare the two versions.
        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch sử phiên bản" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lịch sử phiên bản");
        await page.GetByRole(AriaRole.Button, new() { Name = "So sánh" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("So sánh phiên bản 1 và 2");
        await Expect(page.Locator("dl.diff ins").First).ToContainTextAsync("Chi thường xuyên giảm 5%.");
        await PortalBrowser.ScreenshotAsync(page, "contents-diff");

        // Restore the first as a new draft, then publish.
        await page.GetByRole(AriaRole.Button, new() { Name = "Khôi phục phiên bản 1" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã khôi phục" })).ToContainTextAsync("Đã khôi phục phiên bản 1 thành bản nháp mới (phiên bản 3).");
        await Expect(page.Locator(".ql-editor")).Not.ToContainTextAsync("Chi thường xuyên");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xuất bản", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã xuất bản" })).ToContainTextAsync($"Đã xuất bản \"{title}\".");
        await Expect(page.Locator(".content-actions")).ToContainTextAsync("Phiên bản này đang được xuất bản.");

        await page.GotoAsync(App.UrlOf("sotaichinh", "/admin/contents?q=bao+cao+tai+chinh+quy+iv"));
        await Expect(page.Locator("tbody tr").Filter(new() { HasText = title }).Locator(".badge")).ToHaveTextAsync("Đã xuất bản");
        await PortalBrowser.ScreenshotAsync(page, "contents-list-published");
    }
}
