using System.Globalization;

namespace Portal.Bench.ContentAdmin;

/// <summary>
/// <c>dotnet Portal.Bench.ContentAdmin.dll [--tenants 10] [--items 10000] [--requests 200] [--warmup 30] [--data DIR] [--scenarios a,b] [--keep]</c>
/// runs the content admin benchmark (bench/README.md); <c>serve</c> is the server process it starts.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        return options.Serve
            ? await BenchServer.RunAsync(options)
            : await BenchDriver.RunAsync(options);
    }
}

internal sealed record BenchOptions
{
    public bool Serve { get; init; }
    public int Tenants { get; init; } = 10;
    public int Items { get; init; } = 10_000;
    public int Requests { get; init; } = 200;
    public int Warmup { get; init; } = 30;
    public bool Keep { get; init; }

    /// <summary>SQLite only: a folder holding a seeded database (reused) or to hold one (seeded, then kept there).</summary>
    public string? Data { get; init; }

    /// <summary>Only these scenarios (names as in the RESULT lines); the health baseline always runs.</summary>
    public IReadOnlyList<string>? Scenarios { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "serve" => options with { Serve = true },
                "--tenants" => options with { Tenants = Number(args, ++i) },
                "--items" => options with { Items = Number(args, ++i) },
                "--requests" => options with { Requests = Number(args, ++i) },
                "--warmup" => options with { Warmup = Number(args, ++i) },
                "--keep" => options with { Keep = true },
                "--scenarios" => options with { Scenarios = ++i < args.Length ? args[i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : throw new ArgumentException("'--scenarios' needs names") },
                "--data" => options with { Data = ++i < args.Length ? Path.GetFullPath(args[i]) : throw new ArgumentException("'--data' needs a folder") },
                _ => throw new ArgumentException($"unknown argument '{args[i]}' (see bench/README.md)"),
            };
        }

        return options;
    }

    private static int Number(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"'{args[i - 1]}' needs a positive number");
}
