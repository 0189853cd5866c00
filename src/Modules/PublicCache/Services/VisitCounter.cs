using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Portal.Modules.PublicCache.Services;

/// <summary>
/// Page views and clients of each tenant on this node, in memory: a view is one interlocked
/// increment; a client (hash of IP address and user agent, no cookie) is a dictionary entry
/// refreshed at most every 30 s. <see cref="VisitFlusher"/> moves the views to the database in batches.
/// </summary>
internal sealed class VisitCounter(TimeProvider clock)
{
    private const long ClientRefreshMs = 30_000;

    private readonly ConcurrentDictionary<string, TenantVisits> _tenants = new(StringComparer.Ordinal);

    /// <summary>This node's name in the online figures: unique per process.</summary>
    public string Node { get; } = $"{(Environment.MachineName.Length > 31 ? Environment.MachineName[..31] : Environment.MachineName)}-{Guid.NewGuid():N}";

    public void Count(string tenantId, HttpContext context)
    {
        var visits = _tenants.TryGetValue(tenantId, out var found) ? found : _tenants.GetOrAdd(tenantId, static _ => new TenantVisits());
        Interlocked.Increment(ref visits.Pending);
        var client = HashCode.Combine(context.Connection.RemoteIpAddress, context.Request.Headers[HeaderNames.UserAgent].ToString());
        var now = Environment.TickCount64;
        if (!visits.Clients.TryGetValue(client, out var seen) || now - seen > ClientRefreshMs)
        {
            visits.Clients[client] = now;
        }
    }

    /// <summary>Views counted here and not yet flushed.</summary>
    public long Pending(string tenantId) => _tenants.TryGetValue(tenantId, out var visits) ? Interlocked.Read(ref visits.Pending) : 0;

    /// <summary>Distinct clients seen on this node within <paramref name="window"/>; forgets older ones.</summary>
    public int Online(string tenantId, TimeSpan window)
    {
        if (!_tenants.TryGetValue(tenantId, out var visits))
        {
            return 0;
        }

        var cutoff = Environment.TickCount64 - (long)window.TotalMilliseconds;
        var online = 0;
        foreach (var (client, seen) in visits.Clients)
        {
            if (seen >= cutoff)
            {
                online++;
            }
            else
            {
                visits.Clients.TryRemove(new KeyValuePair<int, long>(client, seen));
            }
        }

        return online;
    }

    /// <summary>Takes every tenant's pending views (they are now the caller's to store or give back) with the tenant's online figure.</summary>
    public IReadOnlyList<VisitBatch> Take(TimeSpan window)
    {
        var batches = new List<VisitBatch>();
        foreach (var (tenantId, visits) in _tenants)
        {
            var views = Interlocked.Exchange(ref visits.Pending, 0);
            var online = Online(tenantId, window);
            // A tenant whose last client left still writes its zero once, so the stored figure drops.
            if (views > 0 || online > 0 || visits.LastOnline > 0)
            {
                batches.Add(new VisitBatch(tenantId, views, online));
            }

            visits.LastOnline = online;
        }

        return batches;
    }

    /// <summary>Gives back views a failed flush could not store.</summary>
    public void Restore(string tenantId, long views)
    {
        if (views > 0)
        {
            var visits = _tenants.GetOrAdd(tenantId, static _ => new TenantVisits());
            Interlocked.Add(ref visits.Pending, views);
        }
    }

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    private sealed class TenantVisits
    {
        public readonly ConcurrentDictionary<int, long> Clients = new();
        public long Pending;
        public int LastOnline;
    }
}

/// <summary>What one flush stores for a tenant: views to add, and this node's online figure.</summary>
internal sealed record VisitBatch(string TenantId, long Views, int Online);
