using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

public sealed partial class PortalBrowserTests
{
    [BrowserFact]
    public async Task Editor_UploadsSeveralFiles_SeesEachOnesProgressAndResult_AndFindsTheImageInTheLibrary()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.UrlOf("sotaichinh", "/admin/media"));
        await SignInAsync(page, KestrelAppFactory.AdminPassword);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thư viện tệp");

        var name = $"Hội nghị {Guid.NewGuid():N}"[..20] + ".png";
        await page.Locator("#media-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = name, MimeType = "image/png", Buffer = Png(1000, 500) },
            new FilePayload { Name = "gia-mao.pdf", MimeType = "application/pdf", Buffer = Png(10, 10) },
        });

        var rows = page.Locator("[data-media-progress] li");
        await Expect(rows.Filter(new() { HasText = name })).ToContainTextAsync("Đã tải lên.");
        await Expect(rows.Filter(new() { HasText = "gia-mao.pdf" })).ToContainTextAsync("Phần mở rộng .pdf không khớp với nội dung tệp (ảnh PNG).");
        await Expect(rows.Filter(new() { HasText = name }).Locator("progress")).ToHaveAttributeAsync("value", "100");
        await PortalBrowser.ScreenshotAsync(page, "sotaichinh-media-upload");

        await page.GetByRole(AriaRole.Link, new() { Name = "Xem các tệp vừa tải lên" }).ClickAsync();
        var card = page.Locator(".media-card").Filter(new() { HasText = name });
        await Expect(card).ToBeVisibleAsync();
        await Expect(page.Locator(".media-card").Filter(new() { HasText = "gia-mao.pdf" })).ToHaveCountAsync(0);
        // The thumbnail is the narrowest variant, and it loads.
        var loaded = await card.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 320");
        Assert.True(loaded);
        await PortalBrowser.ScreenshotAsync(page, "sotaichinh-media-library");
    }

    [BrowserFact]
    public async Task MediaPicker_SearchesWithoutDiacritics_AndGivesBackTheChosenImage()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.UrlOf("phandinhphung", "/admin/media"));
        await SignInAsync(page, KestrelAppFactory.AdminPassword);
        await page.Locator("#media-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "Lễ khánh thành trụ sở.png", MimeType = "image/png", Buffer = Png(800, 400) },
            new FilePayload { Name = "Kế hoạch năm.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() },
        });
        await Expect(page.Locator("[data-media-progress] li", new() { HasText = "Đã tải lên." })).ToHaveCountAsync(2);

        // The content admin loads the picker script and calls PortalMedia.pick().
        await page.AddScriptTagAsync(new() { Url = "/_content/Portal.Modules.Media/media-picker.js" });
        var chosen = page.EvaluateAsync<JsonElement>("() => PortalMedia.pick({ imagesOnly: true })");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Chọn tệp từ thư viện" });
        await Expect(dialog.Locator(".media-card")).ToHaveCountAsync(1);
        await dialog.GetByRole(AriaRole.Searchbox).FillAsync("khanh thanh");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await Expect(dialog.Locator(".media-card")).ToHaveTextAsync(new Regex("Lễ khánh thành trụ sở.png"));
        await PortalBrowser.ScreenshotAsync(page, "phandinhphung-media-picker");
        await dialog.Locator(".media-card button").ClickAsync();

        var item = await chosen;
        Assert.Equal("Lễ khánh thành trụ sở.png", item.GetProperty("name").GetString());
        Assert.Matches("^/media/[0-9a-f]{32}\\.png$", item.GetProperty("url").GetString());
        Assert.Contains("-640w.png 640w", item.GetProperty("srcset").GetString(), StringComparison.Ordinal);
        await Expect(dialog).ToHaveCountAsync(0);
    }

    private static byte[] Png(uint width, uint height)
    {
        using var image = new ImageMagick.MagickImage(new ImageMagick.MagickColor("#1a7f37"), width, height);
        return image.ToByteArray(ImageMagick.MagickFormat.Png);
    }
}
