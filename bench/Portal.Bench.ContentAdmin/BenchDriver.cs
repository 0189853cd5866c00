using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace Portal.Bench.ContentAdmin;

/// <summary>
/// The driver process: prepares a fresh database, starts the server process (<see cref="BenchServer"/>),
/// signs in as an editor on every site and sends the measured requests one at a time, interleaving
/// the scenarios so that drift in the machine's load touches them all alike. Server time and
/// allocations come from the server's own recorder; the driver's stopwatch gives the loopback round trip.
/// </summary>
internal static partial class BenchDriver
{
    public const string BaseDomain = "thainguyen.localhost";
    private const string PostgresVariable = "PORTAL_BENCH_POSTGRES";
    private const string AppRole = "portal_app_bench";
    private const string AppRolePassword = "portal_app_bench_pw";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var loadAtStart = LoadAverage();
        var folder = Directory.CreateTempSubdirectory("portal-bench-content-").FullName;
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } admin ? admin : null;
        var database = postgres is null ? null : "portal_bench_" + Guid.NewGuid().ToString("N")[..10];
        Process? server = null;
        try
        {
            var environment = Settings(folder, postgres, database);
            if (postgres is not null)
            {
                await ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\" ENCODING 'UTF8'");
            }

            if (postgres is null && options.Data is { } data && File.Exists(Path.Combine(data, BenchServer.SeedFile)))
            {
                File.Copy(Path.Combine(data, "portal.db"), Path.Combine(folder, "portal.db"));
                Log($"reusing the database seeded in {data}");
            }

            Log($"{(postgres is null ? "SQLite" : "PostgreSQL")}, {options.Tenants} sites x {options.Items} items; temp folder {folder}");
            var setup = Stopwatch.StartNew();
            // A kept database is SQLite's: PostgreSQL is seeded every time.
            server = StartServer(postgres is null ? options : options with { Data = null }, environment);
            var ready = await WaitReadyAsync(server);
            setup.Stop();

            using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(ready.Url), Timeout = TimeSpan.FromMinutes(2) };
            var sessions = new List<Session>();
            foreach (var site in ready.Seed.Tenants)
            {
                sessions.Add(await Session.SignInAsync(http, site));
            }

            var scenarios = Scenarios().Where(s => s.Name == "health" || options.Scenarios is null || options.Scenarios.Contains(s.Name)).ToList();
            Log($"warm-up: {options.Warmup} rounds of {scenarios.Count} requests");
            await RoundsAsync(sessions, scenarios, 0, options.Warmup);
            await TakeSamplesAsync(http);

            var loadBefore = LoadAverage();
            Log($"measuring: {options.Requests} rounds of {scenarios.Count} requests, one at a time");
            Log($"server process id {server.Id}");
            var clientTimes = await RoundsAsync(sessions, scenarios, options.Warmup, options.Requests);
            var loadAfter = LoadAverage();
            var taken = await TakeSamplesAsync(http);

            Report(options, postgres is null ? "SQLite" : "PostgreSQL", ready, setup.Elapsed, scenarios, taken, clientTimes,
                loadAtStart, loadBefore, loadAfter, postgres is null ? DatabaseSize(folder) : null);
            return 0;
        }
        finally
        {
            if (server is not null)
            {
                await StopServerAsync(server);
            }

            if (postgres is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }

            if (options.Keep)
            {
                Log($"kept {folder}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The measured requests. Search "thong bao" matches about half of a site's items (see <see cref="BenchSeeder"/>).</summary>
    private static List<Scenario> Scenarios()
    {
        const string list = "/admin/contents?type=" + BenchSeeder.ContentType;
        return
        [
            new("health", "GET /health/live (baseline)", HttpStatusCode.OK, (s, _) => Get("/health/live")),
            new("list-search", "GET list, q=thong bao, page 50", HttpStatusCode.OK, (s, _) => Get(list + "&q=thong+bao&p=50")),
            new("list-search-status", "GET list, q=thong bao, status=Published, page 50", HttpStatusCode.OK, (s, _) => Get(list + "&q=thong+bao&status=Published&p=50")),
            new("list-type", "GET list, type only, page 50", HttpStatusCode.OK, (s, _) => Get(list + "&p=50")),
            new("save-edit", "POST edit of an existing item (new version)", HttpStatusCode.Redirect, (s, i) => s.EditRequestAsync(i)),
            new("save-create", "POST create of a new item", HttpStatusCode.Redirect, (s, i) => Task.FromResult(s.CreateRequest(i))),
        ];

        static Task<HttpRequestMessage> Get(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path));
    }

    /// <summary>Rounds <paramref name="first"/>.. of every scenario in turn, site after site; returns the round-trip times by scenario.</summary>
    private static async Task<Dictionary<string, List<double>>> RoundsAsync(List<Session> sessions, List<Scenario> scenarios, int first, int count)
    {
        var times = scenarios.ToDictionary(s => s.Name, _ => new List<double>());
        for (var round = first; round < first + count; round++)
        {
            var session = sessions[round % sessions.Count];
            foreach (var scenario in scenarios)
            {
                using var request = await scenario.Prepare(session, round / sessions.Count);
                var (status, elapsed) = await session.SendTimedAsync(request, scenario.Name);
                if (status != scenario.Expected)
                {
                    throw new InvalidOperationException($"{scenario.Name}: {session.Host} answered {(int)status}, expected {(int)scenario.Expected}");
                }

                times[scenario.Name].Add(elapsed);
            }
        }

        return times;
    }

    private static async Task<SamplesMessage> TakeSamplesAsync(HttpClient http)
    {
        var json = await http.GetStringAsync(new Uri(BenchServer.SamplesPath, UriKind.Relative));
        return JsonSerializer.Deserialize<SamplesMessage>(json, BenchJson.Options)!;
    }

    private static void Report(
        BenchOptions options, string provider, ReadyMessage ready, TimeSpan setup, List<Scenario> scenarios, SamplesMessage taken,
        Dictionary<string, List<double>> clientTimes, string loadAtStart, string loadBefore, string loadAfter, double? databaseMb)
    {
        var seed = ready.Seed;
        var health = taken.Samples["health"].Select(s => s.Milliseconds).ToList();
        var healthP50 = Percentile(health, 50);
        var healthP95 = Percentile(health, 95);
        Console.WriteLine();
        Console.WriteLine($"Content admin benchmark: {provider}, {seed.Tenants.Count} sites x {seed.ItemsPerTenant} items ({BenchSeeder.ContentType}), " +
                          $"{options.Requests} measured requests per scenario after {options.Warmup} warm-up, {Environment.ProcessorCount} cores");
        Console.WriteLine($"loadavg (1/5/15 min): start {loadAtStart}; before measuring {loadBefore}; after {loadAfter}");
        var size = databaseMb is { } mb ? string.Create(Invariant, $", SQLite files {mb:F0} MB") : "";
        var origin = ready.Reused ? "(seed reused from --data; figures of the original seeding) " : "";
        Console.WriteLine(string.Create(Invariant,
            $"setup: {origin}provisioning {seed.ProvisionSeconds:F1} s, items {seed.ItemsSeconds:F1} s ({seed.ItemsPerSecond:F0} items/s; 4 per site through IContentManager, the rest copies of their rows), start to ready {setup.TotalSeconds:F1} s{size}"));
        Console.WriteLine();
        Console.WriteLine("| scenario | server p50 / p95 / p99 ms | x health p50 / p95 | round trip p50 / p95 ms | server CPU ms/request (mean) | allocated KB/request |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var scenario in scenarios)
        {
            var samples = taken.Samples[scenario.Name];
            var ms = samples.Select(s => s.Milliseconds).ToList();
            var kb = AllocatedMean(samples) / 1024.0;
            var trip = clientTimes[scenario.Name];
            Console.WriteLine(string.Create(Invariant,
                $"| {scenario.Description} | {Percentile(ms, 50):F2} / {Percentile(ms, 95):F2} / {Percentile(ms, 99):F2} | " +
                $"{Percentile(ms, 50) / healthP50:F0} / {Percentile(ms, 95) / healthP95:F0} | {Percentile(trip, 50):F2} / {Percentile(trip, 95):F2} | " +
                $"{samples.Average(s => s.CpuMilliseconds):F2} | {kb:F1} |"));
        }

        Console.WriteLine();
        foreach (var scenario in scenarios)
        {
            var samples = taken.Samples[scenario.Name];
            var ms = samples.Select(s => s.Milliseconds).ToList();
            Console.WriteLine(string.Create(Invariant,
                $"RESULT {provider.ToLowerInvariant()} {scenario.Name,-19} n={samples.Count} p50={Percentile(ms, 50):F2}ms p95={Percentile(ms, 95):F2}ms p99={Percentile(ms, 99):F2}ms cpu={samples.Average(s => s.CpuMilliseconds):F2}ms alloc={AllocatedMean(samples):F0}B" +
                $"{(samples.Any(s => s.AllocatedBytes < 0) ? $" (dropped {samples.Count(s => s.AllocatedBytes < 0)} negative alloc samples)" : "")}"));
        }

        foreach (var (name, limit) in new[] { ("list-search", 100.0), ("list-search-status", 100.0), ("save-edit", 50.0), ("save-create", 50.0) }
                     .Where(t => taken.Samples.ContainsKey(t.Item1)))
        {
            var p95 = Percentile(taken.Samples[name].Select(s => s.Milliseconds).ToList(), 95);
            Console.WriteLine(string.Create(Invariant, $"TARGET {name} p95 {p95:F2} ms < {limit:F0} ms: {(p95 < limit ? "met" : "MISSED")}"));
        }
    }

    /// <summary>
    /// Mean bytes allocated per request. A sample whose delta is negative is left out (seen once in
    /// 200 on PostgreSQL: the runtime's total went backwards across a server GC); the RESULT line says so.
    /// </summary>
    private static double AllocatedMean(List<Sample> samples) =>
        samples.Where(s => s.AllocatedBytes >= 0).Select(s => (double)s.AllocatedBytes).DefaultIfEmpty(double.NaN).Average();

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static Dictionary<string, string> Settings(string folder, string? postgres, string? database)
    {
        var settings = new Dictionary<string, string>
        {
            ["Portal__Setup__AdminPassword"] = "Bn-" + Guid.NewGuid().ToString("N")[..16] + "#7x",
            ["Portal__DataProtection__KeysPath"] = Path.Combine(folder, "keys"),
            ["Portal__Media__StoragePath"] = Path.Combine(folder, "media"),
        };
        if (postgres is null)
        {
            settings["Portal__Database__Provider"] = "Sqlite";
            settings["Portal__Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "portal.db")}";
        }
        else
        {
            // As in production: migrations as the owner, the app as a role that row-level security applies to.
            settings["Portal__Database__Provider"] = "PostgreSql";
            settings["Portal__Database__OwnerConnectionString"] = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
            settings["Portal__Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(postgres) { Database = database, Username = AppRole, Password = AppRolePassword }.ToString();
        }

        return settings;
    }

    private static Process StartServer(BenchOptions options, Dictionary<string, string> settings)
    {
        var self = typeof(BenchProgram).Assembly.Location;
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        foreach (var arg in new[] { "serve", "--tenants", options.Tenants.ToString(Invariant), "--items", options.Items.ToString(Invariant) })
        {
            start.ArgumentList.Add(arg);
        }

        if (options.Data is { } data)
        {
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(data);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
    }

    private static async Task<ReadyMessage> WaitReadyAsync(Process server)
    {
        // The server's log lines (warnings and up) pass through; the ready line carries the seed.
        while (await server.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(BenchServer.ReadyPrefix, StringComparison.Ordinal))
            {
                var ready = JsonSerializer.Deserialize<ReadyMessage>(line[BenchServer.ReadyPrefix.Length..], BenchJson.Options)!;
                _ = PassThroughAsync(server.StandardOutput);
                return ready;
            }

            await Console.Error.WriteLineAsync(line);
        }

        throw new InvalidOperationException($"the server exited before it was ready (exit code {(server.HasExited ? server.ExitCode : -1)})");
    }

    private static async Task PassThroughAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            await Console.Error.WriteLineAsync(line);
        }
    }

    private static async Task StopServerAsync(Process server)
    {
        if (!server.HasExited)
        {
            server.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await server.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                server.Kill(entireProcessTree: true);
            }
        }

        server.Dispose();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static double DatabaseSize(string folder) =>
        Directory.EnumerateFiles(folder, "portal.db*").Sum(f => new FileInfo(f).Length) / 1048576.0;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static void Log(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");

    private sealed record Scenario(string Name, string Description, HttpStatusCode Expected, Func<Session, int, Task<HttpRequestMessage>> Prepare);

    /// <summary>An editor signed in on one site: its host, its cookies (kept by hand: they are Secure and we speak plain HTTP to a trusted proxy's port), a form token.</summary>
    private sealed class Session(HttpClient http, SeededTenant site)
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
        private string _createToken = "";

        public string Host => site.Host;

        public static async Task<Session> SignInAsync(HttpClient http, SeededTenant site)
        {
            var session = new Session(http, site);
            var login = await session.GetStringAsync("/admin/login");
            using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.UserName"] = site.EditorUserName,
                    ["Input.Password"] = site.EditorPassword,
                    ["__RequestVerificationToken"] = Token(login),
                }),
            };
            var (status, _) = await session.SendTimedAsync(post, tag: null);
            if (status != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"sign-in on {site.Host} answered {(int)status}");
            }

            session._createToken = Token(await session.GetStringAsync($"/admin/contents/create/{BenchSeeder.ContentType}"));
            return session;
        }

        /// <summary>Opens the editor (not timed) for its token and version, then the save of a new version.</summary>
        public async Task<HttpRequestMessage> EditRequestAsync(int round)
        {
            var item = site.Items[round % site.Items.Count];
            var page = await GetStringAsync($"/admin/contents/{item.Id}/edit");
            var title = $"Thông báo điều chỉnh {BenchSeeder.Title(0, round)} (sửa lần {round + 1})";
            return Form($"/admin/contents/{item.Id}/edit", Token(page), title, item.Path, ExpectedVersion().Match(page).Groups[1].Value);
        }

        public HttpRequestMessage CreateRequest(int round)
        {
            var title = $"Thông báo mới {BenchSeeder.Title(0, round)}";
            return Form($"/admin/contents/create/{BenchSeeder.ContentType}", _createToken, title, $"tin-tuc/moi-{Guid.NewGuid():N}", expectedVersionId: null);
        }

        public async Task<(HttpStatusCode Status, double Milliseconds)> SendTimedAsync(HttpRequestMessage request, string? tag)
        {
            Prepare(request, tag);
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Keep(response);
            return (response.StatusCode, elapsed);
        }

        private async Task<string> GetStringAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            Prepare(request, tag: null);
            using var response = await http.SendAsync(request);
            Keep(response);
            return response.StatusCode == HttpStatusCode.OK
                ? await response.Content.ReadAsStringAsync()
                : throw new InvalidOperationException($"GET {path} on {site.Host} answered {(int)response.StatusCode}");
        }

        private static HttpRequestMessage Form(string path, string token, string title, string routePath, string? expectedVersionId)
        {
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["v[TitlePart.Title]"] = title,
                ["v[Summary.Text]"] = "Tóm tắt: " + title.ToLowerInvariant() + ".",
                ["v[BodyPart.Html]"] = BenchSeeder.Body(title),
                ["v[RoutePart.Path]"] = routePath,
                ["command"] = "save",
            };
            if (expectedVersionId is not null)
            {
                fields["ExpectedVersionId"] = expectedVersionId;
            }

            return new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        }

        private void Prepare(HttpRequestMessage request, string? tag)
        {
            request.Headers.Host = site.Host;
            // What the reverse proxy in front of the portal adds (TLS ends there).
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "127.0.0.1");
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            if (tag is not null)
            {
                request.Headers.Add(BenchServer.TagHeader, tag);
            }
        }

        private void Keep(HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                return;
            }

            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
                if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        private static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("no antiforgery token in the page");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("id=\"ExpectedVersionId\" name=\"ExpectedVersionId\" value=\"([0-9a-f]*)\"")]
    private static partial Regex ExpectedVersion();
}
