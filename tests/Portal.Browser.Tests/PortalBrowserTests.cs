using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Modules.Users.Services;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>What a visitor, an editor and the province's operator see in a real browser.</summary>
public sealed partial class PortalBrowserTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private KestrelAppFactory App => browser.App;

    [BrowserFact]
    public async Task PublicHomes_ShowEachUnitsOwnName_InVietnamese_AndAnUnknownHostShowsTheVietnamese404()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        foreach (var (label, name) in new[]
        {
            ("Default", "Cổng Thông tin điện tử tỉnh Thái Nguyên"),
            ("sotaichinh", "Sở Tài chính"),
            ("phandinhphung", "Phường Phan Đình Phùng"),
        })
        {
            var response = await page.GotoAsync(App.UrlOf(label));
            Assert.Equal(200, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync(name);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
            await Expect(page).ToHaveTitleAsync(name);
            await PortalBrowser.ScreenshotAsync(page, $"home-{label}");
        }

        var unknown = await page.GotoAsync(App.UrlOf("khongton"));
        Assert.Equal(404, unknown!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không tìm thấy trang");
        await Expect(page.Locator("body")).ToContainTextAsync("Không tìm thấy trang thông tin điện tử nào ứng với địa chỉ này.");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await PortalBrowser.ScreenshotAsync(page, "unknown-host-404");
    }

    [BrowserFact]
    public async Task Editor_OpeningAdmin_SignsIn_AndSeesTheDashboardOfTheirOwnSite()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(App.UrlOf("sotaichinh", "/admin"));
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await PortalBrowser.ScreenshotAsync(page, "sotaichinh-login");

        await SignInAsync(page, KestrelAppFactory.AdminPassword);

        await Expect(page).ToHaveURLAsync(App.UrlOf("sotaichinh", "/admin"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");
        await Expect(page.Locator("main")).ToContainTextAsync("Sở Tài chính");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Chức năng quản trị" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Người dùng" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Vai trò" })).ToBeVisibleAsync();
        // Managing component sites belongs to the province portal only.
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Trang thành phần" })).ToHaveCountAsync(0);
        // A short page fits the window: the layout adds no vertical scrollbar of its own.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= document.documentElement.clientHeight"),
            "the admin layout scrolls vertically on a short page");
        await PortalBrowser.ScreenshotAsync(page, "sotaichinh-dashboard");
    }

    [BrowserFact]
    public async Task SignIn_WithAWrongPassword_SaysSoInVietnamese_AndStaysOnTheSignInPage()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(App.UrlOf("sotaichinh", "/admin/login"));
        await SignInAsync(page, "sai-mat-khau-" + Guid.NewGuid().ToString("N")[..6]);

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(Portal.Modules.Users.Pages.Admin.LoginModel.SignInRefused);
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await PortalBrowser.ScreenshotAsync(page, "sotaichinh-login-wrong-password");
    }

    [BrowserFact]
    public async Task ProvinceOperator_FindsASite_CreatesOne_VisitsIt_AndDisablingItShowsTheVietnamese503()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.UrlOf("Default", "/admin"));
        await SignInAsync(page, KestrelAppFactory.AdminPassword);

        // The province portal requires its administrators' second factor: enrol as a person with an app does.
        await Expect(page.Locator("h1")).ToHaveTextAsync("Xác thực hai bước");
        var key = Totp.FromBase32(await page.Locator(".secret-key").InnerTextAsync())!;
        await page.GetByLabel("Mã xác thực").FillAsync(Totp.Format(Totp.Compute(key, Totp.StepAt(DateTimeOffset.UtcNow))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bật xác thực hai bước" }).ClickAsync();
        await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await PortalBrowser.ScreenshotAsync(page, "province-two-factor-enrolled");

        // Search ignores diacritics.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Chức năng quản trị" })
            .GetByRole(AriaRole.Link, new() { Name = "Trang thành phần" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Trang thành phần");
        await page.GetByLabel("Tìm kiếm").FillAsync("tai chinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.GetByRole(AriaRole.Link, new() { Name = "Sở Tài chính", Exact = true })).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(page, "province-tenants-search");

        // Create a department site.
        var name = "Sở Tư pháp " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm trang thành phần" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thêm trang thành phần");
        await page.GetByLabel("Tên đơn vị").FillAsync(name);
        await page.GetByLabel("Loại").SelectOptionAsync("Department");
        await Expect(page.Locator("#host-preview")).ToHaveTextAsync(new Regex(@"^sotuphap[0-9a-f]{6}\.thainguyen\.localhost$"));
        await PortalBrowser.ScreenshotAsync(page, "province-tenants-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo trang" }).ClickAsync();

        var message = page.GetByRole(AriaRole.Status);
        await Expect(message).ToContainTextAsync($"Đã tạo trang {name} tại ");
        var siteUrl = SiteAddress().Match(await message.InnerTextAsync()).Value;
        Assert.StartsWith("http://sotuphap", siteUrl, StringComparison.Ordinal);
        Assert.EndsWith($".{KestrelAppFactory.BaseDomain}:{App.Port}/", siteUrl, StringComparison.Ordinal);
        // The widest admin page still fits a 1280 px screen: no sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the list of sites scrolls sideways at 1280 px");
        await PortalBrowser.ScreenshotAsync(page, "province-tenants-created");

        // The new site answers at once, under its own name.
        var site = await context.NewPageAsync();
        Assert.Equal(200, (await site.GotoAsync(siteUrl))!.Status);
        await Expect(site.Locator("h1")).ToHaveTextAsync(name);
        await PortalBrowser.ScreenshotAsync(site, "new-site-home");

        // Disable it from the list.
        await page.GetByLabel("Tìm kiếm").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var row = rows.Filter(new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Button, new() { Name = "Tạm ngừng" }).ClickAsync();
        await Expect(message).ToHaveTextAsync($"Đã tạm ngừng trang {name}.");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Tạm ngừng");

        var disabled = await site.GotoAsync(siteUrl);
        Assert.Equal(503, disabled!.Status);
        await Expect(site.Locator("h1")).ToHaveTextAsync("Tạm ngừng hoạt động");
        await Expect(site.Locator("body")).ToContainTextAsync($"{name} đang tạm ngừng hoạt động. Vui lòng quay lại sau.");
        await PortalBrowser.ScreenshotAsync(site, "new-site-disabled-503");
    }

    [BrowserFact]
    public async Task SigningInOnOneSite_DoesNotSignInOnAnother_InTheSameBrowser()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.UrlOf("sotaichinh", "/admin"));
        await SignInAsync(page, KestrelAppFactory.AdminPassword);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");

        await page.GotoAsync(App.UrlOf("phandinhphung", "/admin"));
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await Expect(page.Locator(".admin-brand-name")).ToHaveTextAsync("Phường Phan Đình Phùng");

        // And the first site still knows the user.
        await page.GotoAsync(App.UrlOf("sotaichinh", "/admin"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");
    }

    [BrowserFact]
    public async Task TheHeadersSignOutButton_SignsOut_AndTheAdminAsksToSignInAgain()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync(App.UrlOf("sotaichinh", "/admin"));
        await SignInAsync(page, KestrelAppFactory.AdminPassword);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");

        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await PortalBrowser.ScreenshotAsync(page, "sotaichinh-signed-out");

        await page.GotoAsync(App.UrlOf("sotaichinh", "/admin"));
        await Expect(page).ToHaveURLAsync(LoginUrl());
        Assert.Empty(refused);
    }

    private static async Task SignInAsync(IPage page, string password)
    {
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
    }

    [GeneratedRegex("/admin/login", RegexOptions.IgnoreCase)]
    private static partial Regex LoginUrl();

    [GeneratedRegex(@"http://\S+/")]
    private static partial Regex SiteAddress();
}
