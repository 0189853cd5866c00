using System.Diagnostics;
using System.Globalization;
using Portal.Core.Tenancy;
using Portal.Core.Web;
using Portal.Modules.Search.Services;

namespace Portal.Web.CommandLine;

/// <summary>
/// <c>search rebuild [--tenant &lt;name&gt;]</c> rebuilds the search index of every tenant (or one)
/// from its published items, one transaction per tenant, printing each tenant's count as it goes
/// and the totals at the end. Safe while the site runs: searches see the old index until a
/// tenant's rebuild commits.
/// </summary>
public static class SearchCommand
{
    public const string Name = "search";

    public const string Usage = """
        Cách dùng: search <lệnh>
          rebuild [--tenant <tên miền con>]         dựng lại chỉ mục tìm kiếm của mọi trang (hoặc một trang)
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CommandConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length == 0 || args[0] != "rebuild" || (args.Length > 1 && OperatorCommands.Option(args, "--tenant") is null))
        {
            await console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        if (await OperatorCommands.SelectTenantsAsync(services, args, console).ConfigureAwait(false) is not { } tenants)
        {
            return 1;
        }

        var total = 0;
        var failed = 0;
        var watch = Stopwatch.StartNew();
        foreach (var (tenant, index) in tenants.Select((t, i) => (t, i + 1)))
        {
            var started = watch.Elapsed;
            try
            {
                await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
                var written = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(cancellationToken).ConfigureAwait(false);
                // Cached search pages showed the old index.
                await scope.ServiceProvider.GetRequiredService<IPublicPageCache>().EvictTenantAsync(tenant.Id, "search rebuild", cancellationToken).ConfigureAwait(false);
                total += written;
                var seconds = (watch.Elapsed - started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                await console.Out.WriteLineAsync($"[{index}/{tenants.Count}] {tenant.Name,-24} {written} mục đã lập chỉ mục ({seconds} giây)").ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                await console.Error.WriteLineAsync($"[{index}/{tenants.Count}] {tenant.Name}: LỖI {e.Message}").ConfigureAwait(false);
            }
        }

        var elapsed = watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        await console.Out.WriteLineAsync(failed == 0
            ? $"Đã dựng lại chỉ mục tìm kiếm của {tenants.Count} trang: {total} mục, {elapsed} giây."
            : $"Đã dựng lại chỉ mục của {tenants.Count - failed}/{tenants.Count} trang ({total} mục); {failed} trang bị lỗi.").ConfigureAwait(false);
        return failed == 0 ? 0 : 1;
    }
}
