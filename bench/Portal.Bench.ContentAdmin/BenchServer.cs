using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Portal.Web.Hosting;

namespace Portal.Bench.ContentAdmin;

/// <summary>
/// The server process: the real app composed as Program composes it (<c>AddPortal</c>,
/// <c>InitializePortalAsync</c>, <c>UsePortal</c>), in Production, on Kestrel on a loopback port,
/// with one bench middleware in front of the product's pipeline that times each tagged request
/// and counts the bytes allocated meanwhile. It seeds the data, prints one <c>BENCH-READY</c> line
/// and serves until its standard input closes.
/// </summary>
internal static class BenchServer
{
    public const string ReadyPrefix = "BENCH-READY ";
    public const string TagHeader = "X-Bench-Tag";
    public const string SamplesPath = "/_bench/samples";

    /// <summary>Written next to a kept database: the sites, their editor and sample items.</summary>
    public const string SeedFile = "seed.json";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        // Settings come from the environment the driver sets (Portal__Database__..., keys, media).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Portal.Web",
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:Tenants:BaseDomain"] = BenchDriver.BaseDomain,
            ["Portal:Setup:Demo"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // The driver talks to the app as nginx would: X-Forwarded-Proto https from loopback.
            ["Portal:ReverseProxy:KnownProxies:0"] = "127.0.0.1",
            // Throwaway keys in the run's temp folder, deleted with it: no certificate to protect them.
            ["Portal:DataProtection:AllowUnprotectedKeys"] = "true",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPortal();
        await using var app = builder.Build();
        await app.InitializePortalAsync();

        var recorder = new SampleRecorder();
        // Outermost: the time and the allocations of everything the product does for the request.
        app.Use(recorder.InvokeAsync);
        app.UsePortal();
        await app.StartAsync();

        SeedResult seeded;
        var reused = options.Data is { } data && File.Exists(Path.Combine(data, SeedFile));
        if (reused)
        {
            // The driver copied the kept database in place; startup applied any newer migration to it.
            seeded = JsonSerializer.Deserialize<SeedResult>(await File.ReadAllTextAsync(Path.Combine(options.Data!, SeedFile)), BenchJson.Options)!;
        }
        else
        {
            seeded = await BenchSeeder.SeedAsync(app.Services, options.Tenants, options.Items);
            if (options.Data is { } keep)
            {
                await BenchSeeder.KeepAsync(app.Services, keep, seeded);
            }
        }

        Console.Out.WriteLine(ReadyPrefix + JsonSerializer.Serialize(new ReadyMessage(app.Urls.First(), seeded, reused), BenchJson.Options));
        await Console.Out.FlushAsync();

        // The driver closes our standard input when it is done (or dies).
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        await app.StopAsync();
        return 0;
    }
}

internal sealed record ReadyMessage(string Url, SeedResult Seed, bool Reused);

internal sealed record Sample(double Milliseconds, double CpuMilliseconds, long AllocatedBytes, int Status);

internal sealed record SamplesMessage(Dictionary<string, List<Sample>> Samples, int[] Collections);

/// <summary>Per tagged request: wall time from entering the pipeline to its end (response written), and the process's CPU time and allocated bytes meanwhile.</summary>
internal sealed class SampleRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Sample>> _samples = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path == BenchServer.SamplesPath)
        {
            // Hands over what was recorded so far and starts again (the warm-up is thrown away this way).
            var taken = _samples.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
            _samples.Clear();
            var message = new SamplesMessage(taken, [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)]);
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, message, BenchJson.Options, context.RequestAborted);
            return;
        }

        var tag = context.Request.Headers[BenchServer.TagHeader].ToString();
        if (tag.Length == 0)
        {
            await next(context);
            return;
        }

        // Precise: sums every thread's allocation context. Requests come one at a time from
        // another process, so what this process allocates meanwhile is this request's.
        // The same holds for the process's CPU time, which, unlike the wall time, does not grow
        // when other work on the machine keeps this process waiting for a core.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        await next(context);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpuUsed = Environment.CpuUsage.TotalTime - cpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        _samples.GetOrAdd(tag, _ => new ConcurrentQueue<Sample>())
            .Enqueue(new Sample(elapsed.TotalMilliseconds, cpuUsed.TotalMilliseconds, allocated, context.Response.StatusCode));
    }
}

internal static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
