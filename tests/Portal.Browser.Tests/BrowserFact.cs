namespace Portal.Browser.Tests;

/// <summary>
/// A fact that needs Chromium. Without it the test is skipped on a developer's machine; in CI
/// (CI=true) it runs and fails, so the browser tests are never silently lost.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (SkipReason is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>The system Chromium: <c>PORTAL_TEST_CHROMIUM</c>, set by ./test.sh, or /usr/bin/chromium.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Why browser tests cannot run here, or null when they must.</summary>
    public static string? SkipReason =>
        File.Exists(ChromiumPath) || IsCi()
            ? null
            : $"Chromium not found at {ChromiumPath}: run ./test.sh, which installs it.";

    private static bool IsCi() => Environment.GetEnvironmentVariable("CI") is "true" or "1" or "True" or "TRUE" or "yes";
}
