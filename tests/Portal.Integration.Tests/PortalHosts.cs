using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Portal.Web.Hosting;

namespace Portal.Integration.Tests;

/// <summary>
/// The real app outside the WebApplicationFactory: built in this process from the same
/// registration as Program (to drive its first run step by step), or run as a process of its own
/// (<c>dotnet Portal.Web.dll ...</c>), as an operator would.
/// </summary>
public static partial class PortalHosts
{
    /// <summary>
    /// Settings every host gets, as the factory's: the test domain, the demo, quiet logs, and the
    /// keys and media in <paramref name="folder"/>, never in the binaries' folder.
    /// </summary>
    public static Dictionary<string, string?> Settings(TestDatabase database, string folder, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(database.Settings())
        {
            ["Portal:Tenants:BaseDomain"] = PortalAppFactory.BaseDomain,
            ["Portal:Setup:Demo"] = "true",
            ["Portal:Setup:AdminPassword"] = PortalAppFactory.AdminPassword,
            ["Portal:DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
            // Throwaway keys of a test run: no certificate (KeyProtectionTests covers the encrypted ring).
            ["Portal:DataProtection:AllowUnprotectedKeys"] = "true",
            ["Portal:Media:StoragePath"] = Path.Combine(folder, "media"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The app as Program composes it, not started: the caller runs its initialisation.</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, bool commandLine = false, string environment = "Testing")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPortal(commandLine);
        return builder.Build();
    }

    /// <summary>
    /// Runs <c>dotnet Portal.Web.dll args</c> in the binaries' folder (its content root, as <c>dotnet run</c>
    /// does with the project's folder) from a shell whose working directory is <paramref name="shellDirectory"/>.
    /// </summary>
    public static async Task<ProcessResult> RunProcessAsync(IDictionary<string, string?> settings, string shellDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PWD"] = shellDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // What `dotnet run` sets from launchSettings.json.
        start.Environment["ASPNETCORE_URLS"] = "http://localhost:5080";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A guard against a hang (a server that starts instead of exiting), not a measure of speed.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet Portal.Web.dll {string.Join(' ', args)} did not exit: {await output}{await error}");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    public sealed record ProcessResult(int ExitCode, string Output, string Error)
    {
        /// <summary>Lines of standard output that are log lines (<c>[12:34:56 INF] ...</c> or JSON).</summary>
        public IEnumerable<string> LogLinesInOutput => Output.Split('\n').Where(l => LogLine().IsMatch(l) || l.StartsWith("{\"@", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\[\d\d:\d\d:\d\d [A-Z]{3}\]")]
    private static partial Regex LogLine();
}
