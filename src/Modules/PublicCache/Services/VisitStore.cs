using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Modules.PublicCache.Models;

namespace Portal.Modules.PublicCache.Services;

/// <summary>The visit figures shown on a tenant's pages.</summary>
public sealed record VisitFigures(long Online, long Today, long Total);

/// <summary>
/// The stored side of the visit counter: adds a batch of views with one atomic upsert per tenant
/// (so several nodes add up), writes this node's online figure, and reads a tenant's figures
/// (kept in memory for a few seconds, plus the views this node has not flushed yet).
/// </summary>
internal sealed partial class VisitStore(
    VisitCounter counter,
    ITenantDirectory directory,
    ITenantScopeFactory scopes,
    TimeProvider clock,
    IOptions<PublicCacheOptions> options,
    ILogger<VisitStore> logger)
{
    private readonly ConcurrentDictionary<string, (VisitFigures Figures, DateTimeOffset ReadUtc)> _read = new(StringComparer.Ordinal);

    /// <summary>Stores what the counter holds; views that could not be stored go back to it.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(VietnamTime.From(now));
        foreach (var batch in counter.Take(options.Value.OnlineWindow))
        {
            if (directory.FindById(batch.TenantId) is not { } tenant)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateScope(tenant);
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await WriteAsync(db, tenant.Id, day, batch, counter.Node, now, cancellationToken).ConfigureAwait(false);
                _read.TryRemove(tenant.Id, out _);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Kept for the next flush: a failed write loses no view.
                counter.Restore(batch.TenantId, batch.Views);
                LogFlushFailed(logger, tenant.Name, ex);
            }
        }
    }

    /// <summary>One tenant's batch: views added to the day's row, this node's online figure replaced; in one transaction.</summary>
    internal static async Task WriteAsync(PortalDbContext db, string tenantId, DateOnly day, VisitBatch batch, string node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Views > 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "VisitDays" ("TenantId", "Day", "Count") VALUES ({tenantId}, {day}, {batch.Views})
                ON CONFLICT ("TenantId", "Day") DO UPDATE SET "Count" = "VisitDays"."Count" + excluded."Count"
                """, cancellationToken).ConfigureAwait(false);
        }

        var seen = now.UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "VisitOnline" ("TenantId", "Node", "Online", "SeenUtc") VALUES ({tenantId}, {node}, {batch.Online}, {seen})
            ON CONFLICT ("TenantId", "Node") DO UPDATE SET "Online" = excluded."Online", "SeenUtc" = excluded."SeenUtc"
            """, cancellationToken).ConfigureAwait(false);
        // Rows of nodes gone for a day are of no use to anyone.
        var stale = now.AddDays(-1);
        await db.Set<VisitOnline>().Where(o => o.SeenUtc < stale).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The current tenant's figures: stored ones (re-read every few seconds) plus this node's unflushed views and its own online clients.</summary>
    public async ValueTask<VisitFigures> GetAsync(PortalDbContext db, string tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!_read.TryGetValue(tenantId, out var read) || now - read.ReadUtc > options.Value.VisitReadInterval)
        {
            read = (await ReadAsync(db, counter.Node, now, options.Value.VisitFlushInterval * 6, cancellationToken).ConfigureAwait(false), now);
            _read[tenantId] = read;
        }

        var pending = counter.Pending(tenantId);
        var online = read.Figures.Online + counter.Online(tenantId, options.Value.OnlineWindow);
        return new VisitFigures(Math.Max(online, pending > 0 ? 1 : 0), read.Figures.Today + pending, read.Figures.Total + pending);
    }

    /// <summary>The stored figures of the context's tenant; other nodes' online figures count while fresh (<paramref name="freshness"/>).</summary>
    internal static async Task<VisitFigures> ReadAsync(PortalDbContext db, string exceptNode, DateTimeOffset now, TimeSpan freshness, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(VietnamTime.From(now));
        var days = db.Set<VisitDay>().AsNoTracking();
        var total = await days.SumAsync(d => (long?)d.Count, cancellationToken).ConfigureAwait(false) ?? 0;
        var todayCount = await days.Where(d => d.Day == today).Select(d => (long?)d.Count).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? 0;
        var since = now - freshness;
        var online = await db.Set<VisitOnline>().AsNoTracking()
            .Where(o => o.Node != exceptNode && o.SeenUtc >= since)
            .SumAsync(o => (long?)o.Online, cancellationToken).ConfigureAwait(false) ?? 0;
        return new VisitFigures(online, todayCount, total);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the visits of tenant {Tenant}; kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, string tenant, Exception exception);
}
