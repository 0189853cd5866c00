using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Search.Models;
using Portal.Modules.Search.Services;
using Portal.Modules.Tenants.Services;
using Portal.Web.Hosting;

namespace Portal.Bench.Search;

/// <summary>
/// <c>dotnet Portal.Bench.Search.dll [--tenants 100] [--items 1000] [--requests 200] [--warmup 30]</c>:
/// the real app (composed as Program composes it, Production, Kestrel on a loopback port), N component
/// sites provisioned by the real provisioner, M Vietnamese articles per site written straight into
/// the search table (the FTS5 triggers / the generated tsvector do their work as for any insert), then
/// <c>/tim-kiem</c> requests of several kinds, one at a time, rotating over the sites, timed by the
/// client, next to <c>/health/live</c> in the same run. PORTAL_BENCH_POSTGRES (a superuser's connection
/// string) runs on PostgreSQL in a fresh database, dropped at the end.
/// </summary>
public static class SearchBench
{
    private const string BaseDomain = "thainguyen.localhost";
    private const string AppRole = "portal_app_bench";
    private const string AppRolePassword = "portal_app_bench_pw";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> Main(string[] args)
    {
        var tenants = Option(args, "--tenants", 100);
        var items = Option(args, "--items", 1000);
        var requests = Option(args, "--requests", 200);
        var warmup = Option(args, "--warmup", 30);
        var folder = Directory.CreateTempSubdirectory("portal-bench-search-").FullName;
        var postgres = Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES") is { Length: > 0 } admin ? admin : null;
        var database = postgres is null ? null : "portal_bench_" + Guid.NewGuid().ToString("N")[..10];
        try
        {
            if (postgres is not null)
            {
                await ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\" ENCODING 'UTF8'");
            }

            return await RunAsync(folder, postgres, database, tenants, items, requests, warmup);
        }
        finally
        {
            if (postgres is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string folder, string? postgres, string? database, int tenants, int items, int requests, int warmup)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Tenants:BaseDomain"] = BaseDomain,
            ["Portal:Setup:Demo"] = "false",
            ["Portal:Setup:AdminPassword"] = "Bn-" + Guid.NewGuid().ToString("N")[..16] + "#7x",
            ["Portal:DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
            ["Portal:DataProtection:AllowUnprotectedKeys"] = "true",
            ["Portal:Media:StoragePath"] = Path.Combine(folder, "media"),
            ["Portal:Search:SearchesPerMinute"] = "1000000",
            // Every request searches: with the output cache, a query repeated on a site was a copy from memory.
            ["Portal:PublicCache:Enabled"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        if (postgres is null)
        {
            settings["Portal:Database:Provider"] = "Sqlite";
            settings["Portal:Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "portal.db")}";
        }
        else
        {
            settings["Portal:Database:Provider"] = "PostgreSql";
            settings["Portal:Database:OwnerConnectionString"] = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
            settings["Portal:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(postgres) { Database = database, Username = AppRole, Password = AppRolePassword }.ToString();
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Portal.Web",
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPortal();
        await using var app = builder.Build();
        await app.InitializePortalAsync();
        app.UsePortal();
        await app.StartAsync();

        var sites = await ProvisionAsync(app.Services, tenants);
        await SeedAsync(app.Services, sites, items, postgres is not null);

        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(1) };
        var kinds = new (string Name, string Query)[]
        {
            ("common, no diacritics", "/tim-kiem?q=thong+bao"),
            ("common, diacritics", "/tim-kiem?q=th%C3%B4ng+b%C3%A1o"),
            ("common, page 5", "/tim-kiem?q=thong+bao&page=5"),
            ("two topics", "/tim-kiem?q=tai+chinh+ngan+sach"),
            ("rare name, no diacritics", "/tim-kiem?q=phan+dinh+phung"),
            ("rare name, diacritics", "/tim-kiem?q=Phan+%C4%90%C3%ACnh+Ph%C3%B9ng"),
            ("no match", "/tim-kiem?q=xyzzy"),
            ("/health/live", "/health/live"),
        };

        var loadBefore = LoadAverage();
        Log($"measuring: {requests} requests per kind after {warmup} warm-up, rotating over {sites.Count} sites; load average {loadBefore}");
        var results = new List<(string Name, double P50, double P95, int Hits)>();
        foreach (var (name, query) in kinds)
        {
            var samples = new List<double>();
            var hits = 0;
            for (var i = 0; i < warmup + requests; i++)
            {
                var site = sites[i % sites.Count];
                using var request = new HttpRequestMessage(HttpMethod.Get, query);
                request.Headers.Host = site;
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{query} on {site}: {(int)response.StatusCode}");
                }

                if (i >= warmup)
                {
                    samples.Add(elapsed);
                    hits += body.Contains("class=\"search-result\"", StringComparison.Ordinal) ? 1 : 0;
                }
            }

            results.Add((name, Percentile(samples, 50), Percentile(samples, 95), hits));
        }

        var loadAfter = LoadAverage();
        var health = results.Single(r => r.Name == "/health/live");
        Console.WriteLine($"RESULT provider={(postgres is null ? "SQLite" : "PostgreSQL")} sites={sites.Count} articles={sites.Count * items} cores={Environment.ProcessorCount} load-before=\"{loadBefore}\" load-after=\"{loadAfter}\"");
        Console.WriteLine($"{"kind",-28} {"p50 ms",8} {"p95 ms",8} {"x health p95",13} {"pages with results",19}");
        foreach (var (name, p50, p95, hits) in results)
        {
            Console.WriteLine($"{name,-28} {p50.ToString("0.0", Invariant),8} {p95.ToString("0.0", Invariant),8} {(p95 / health.P95).ToString("0", Invariant),13} {(name == "/health/live" ? "" : $"{hits}/{requests}"),19}");
        }

        var worst = results.Where(r => r.Name != "/health/live").Max(r => r.P95);
        Console.WriteLine($"RESULT worst search p95 {worst.ToString("0.0", Invariant)} ms: target p95 < 50 ms {(worst < 50 ? "met" : "NOT met")}");
        await app.StopAsync();
        return 0;
    }

    private static async Task<List<string>> ProvisionAsync(IServiceProvider services, int count)
    {
        var directory = services.GetRequiredService<ITenantDirectory>();
        var scopes = services.GetRequiredService<ITenantScopeFactory>();
        var portal = directory.FindByName(TenantDescriptor.DefaultName) ?? throw new InvalidOperationException("the province portal is not set up");
        var watch = Stopwatch.StartNew();
        var hosts = new List<string>();
        for (var t = 1; t <= count; t++)
        {
            await using var scope = scopes.CreateScope(portal);
            var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioner>()
                .CreateAsync(new CreateTenantRequest($"Đơn vị thử nghiệm {t}", TenantKind.Department) { Label = $"donvi{t}" }, portal);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("provisioning failed: " + string.Join("; ", result.Errors));
            }

            hosts.Add(result.Tenant!.HostNames[0]);
            if (t % 10 == 0)
            {
                Log($"provisioned {t}/{count} sites ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        }

        return hosts;
    }

    private static async Task SeedAsync(IServiceProvider services, List<string> hosts, int items, bool postgres)
    {
        var directory = services.GetRequiredService<ITenantDirectory>();
        var scopes = services.GetRequiredService<ITenantScopeFactory>();
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        foreach (var (host, t) in hosts.Select((h, i) => (h, i + 1)))
        {
            var tenant = directory.FindByName($"donvi{t}") ?? throw new InvalidOperationException(host);
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = 0; n < items; n++)
            {
                var article = Articles.Make(t, n);
                bytes += article.Body.Length;
                db.Add(new SearchDocument
                {
                    ContentItemId = Guid.CreateVersion7().ToString("N"),
                    ContentItemVersionId = Guid.CreateVersion7().ToString("N"),
                    VersionNumber = 1,
                    ContentType = "Article",
                    Title = article.Title,
                    Path = $"tin-tuc/bai-{n + 1}",
                    Summary = article.Summary,
                    Body = article.Body,
                    PublishedUtc = article.Published,
                    FoldedTitle = SearchText.FoldToTokens(article.Title),
                    FoldedSummary = SearchText.FoldToTokens(article.Summary),
                    FoldedBody = SearchText.FoldToTokens(article.Body),
                });
                if ((n + 1) % 500 == 0)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync();
            if (t % 10 == 0)
            {
                Log($"seeded {t}/{hosts.Count} sites, {t * items} articles ({watch.Elapsed.TotalSeconds:F0} s, {bytes / t / items} characters of body on average)");
            }
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (postgres)
            {
                // What autovacuum would have done by the time 100,000 articles were written over months.
                await db.Database.ExecuteSqlRawAsync("ANALYZE \"SearchDocuments\"");
            }
        }

        Log($"seeded {hosts.Count * items} articles in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], NumberStyles.None, Invariant) : fallback;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Log(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");
}
