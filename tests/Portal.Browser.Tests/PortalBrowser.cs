using Microsoft.Playwright;

namespace Portal.Browser.Tests;

/// <summary>
/// One app on a loopback port and one headless system Chromium for a whole test class (a launch
/// costs 1-3 s). Each test opens its own context: its own cookies, nothing shared between tests.
/// </summary>
public sealed class PortalBrowser : IAsyncLifetime
{
    // --host-resolver-rules: Chromium still tries to reach Google's hosts; only loopback may resolve.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE *.localhost , EXCLUDE 127.0.0.1",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelAppFactory App { get; } = new();

    /// <summary>Where screenshots go: TestResults/screenshots under the test binaries (not committed).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        // xunit builds class fixtures even when every test is skipped.
        if (BrowserFactAttribute.SkipReason is not null)
        {
            return;
        }

        // The browser starts while the app provisions its demo sites: together ~2 s sooner.
        var launch = Task.Run(LaunchChromiumAsync);
        App.StartServer();
        _browser = await launch;
        Directory.CreateDirectory(ScreenshotFolder);
    }

    private async Task<IBrowser> LaunchChromiumAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (no cookies) with Vietnamese preferred, short timeouts so a failure is quick; optionally without JavaScript.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled = true)
    {
        var browser = _browser ?? throw new InvalidOperationException("Chromium did not start.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            JavaScriptEnabled = javaScriptEnabled,
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return context;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
