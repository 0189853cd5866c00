using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Web;
using Portal.Modules.PublicCache.Models;

namespace Portal.Modules.PublicCache.Services;

/// <summary>
/// Evicts a tenant's pages here at once, and on the other nodes through the database: the
/// tenant's row of <see cref="PublicCacheGeneration"/> is incremented (one atomic upsert), and
/// every node's <see cref="PublicCacheGenerationPoller"/> evicts the tenants whose generation moved.
/// </summary>
internal sealed partial class PublicPageCache(
    PublicPageStore store,
    IServiceScopeFactory scopeFactory,
    TimeProvider clock,
    ILogger<PublicPageCache> logger) : IPublicPageCache, IDisposable
{
    private readonly ConcurrentDictionary<string, long> _known = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _pollLock = new(1, 1);
    private bool _loaded;

    public async Task EvictTenantAsync(string tenantId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        store.Evict(tenantId);
        LogEvicted(logger, tenantId, reason);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var changed = clock.GetUtcNow().UtcDateTime;
        var generation = await db.Database.SqlQuery<long>(
            $"""
            INSERT INTO "PublicCacheGenerations" ("TenantId", "Generation", "ChangedUtc") VALUES ({tenantId}, 1, {changed})
            ON CONFLICT ("TenantId") DO UPDATE SET "Generation" = "PublicCacheGenerations"."Generation" + 1, "ChangedUtc" = excluded."ChangedUtc"
            RETURNING "Generation" AS "Value"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        // This node evicted already: the poll need not do it again for this generation.
        _known[tenantId] = generation.Count > 0 ? generation[0] : 0;
    }

    /// <summary>Reads every tenant's stored generation and evicts here those that moved since the last read.</summary>
    public async Task PollAsync(CancellationToken cancellationToken = default)
    {
        await _pollLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await db.Set<PublicCacheGeneration>().AsNoTracking()
                .Select(g => new { g.TenantId, g.Generation })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var known = _known.GetValueOrDefault(row.TenantId, -1);
                if (known == row.Generation)
                {
                    continue;
                }

                // The first read only learns the generations: nothing was cached before this node started.
                if (_loaded && row.Generation > known)
                {
                    store.Evict(row.TenantId);
                    LogEvictedByOtherNode(logger, row.TenantId);
                }

                _known[row.TenantId] = Math.Max(known, row.Generation);
            }

            _loaded = true;
            store.RemoveExpired(Environment.TickCount64);
        }
        finally
        {
            _pollLock.Release();
        }
    }

    public void Dispose() => _pollLock.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Public pages of tenant {TenantId} evicted: {Reason}")]
    private static partial void LogEvicted(ILogger logger, string tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Public pages of tenant {TenantId} evicted by another node")]
    private static partial void LogEvictedByOtherNode(ILogger logger, string tenantId);
}

/// <summary>Polls the stored eviction generations every <see cref="PublicCacheOptions.PollInterval"/>.</summary>
internal sealed partial class PublicCacheGenerationPoller(PublicPageCache cache, IOptions<PublicCacheOptions> options, ILogger<PublicCacheGenerationPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await cache.PollAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Before the first run's migrations the table may not exist yet.
                LogPollFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the public cache generations failed; trying again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}

/// <summary>Moves counted visits to the database every <see cref="PublicCacheOptions.VisitFlushInterval"/>, and once more on shutdown.</summary>
internal sealed partial class VisitFlusher(VisitStore visits, IOptions<PublicCacheOptions> options, ILogger<VisitFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.VisitFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await visits.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlushFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flushing the visit counts failed; they are kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
