using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Portal.Modules.PublicCache.Services;

/// <summary>A cached response: its body and the headers the page set, stored at <see cref="StoredTicks"/>.</summary>
internal sealed class CachedPage(byte[] body, KeyValuePair<string, StringValues>[] headers, bool isHtml, long storedTicks, long expiresTicks)
{
    /// <summary>An HTML page (a visit when served), not a feed or JSON.</summary>
    public bool IsHtml { get; } = isHtml;

    public byte[] Body { get; } = body;

    public KeyValuePair<string, StringValues>[] Headers { get; } = headers;

    /// <summary><see cref="Environment.TickCount64"/> when stored.</summary>
    public long StoredTicks { get; } = storedTicks;

    public long ExpiresTicks { get; } = expiresTicks;
}

/// <summary>
/// One tenant's cached pages. Evicting a tenant replaces its instance: a page rendered while the
/// eviction happened is stored into the discarded instance, never served.
/// </summary>
internal sealed class TenantPages
{
    public ConcurrentDictionary<string, CachedPage> Pages { get; } = new(StringComparer.Ordinal);

    public long Bytes;

    public volatile bool Evicted;
}

/// <summary>The cached pages of this node, per tenant, bounded in total bytes.</summary>
internal sealed class PublicPageStore(long maxTotalBytes)
{
    private readonly ConcurrentDictionary<string, TenantPages> _tenants = new(StringComparer.Ordinal);
    private long _totalBytes;

    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    public TenantPages For(string tenantId) =>
        _tenants.TryGetValue(tenantId, out var pages) ? pages : _tenants.GetOrAdd(tenantId, static _ => new TenantPages());

    public static CachedPage? Find(TenantPages pages, string key, long nowTicks) =>
        pages.Pages.TryGetValue(key, out var page) && page.ExpiresTicks > nowTicks ? page : null;

    /// <summary>Stores the page unless the node's budget is spent; false when not stored.</summary>
    public bool Store(TenantPages pages, string key, CachedPage page)
    {
        var size = page.Body.Length + key.Length * 2L + 256;
        if (Interlocked.Add(ref _totalBytes, size) > maxTotalBytes)
        {
            Interlocked.Add(ref _totalBytes, -size);
            return false;
        }

        Interlocked.Add(ref pages.Bytes, size);
        CachedPage? replaced = null;
        pages.Pages.AddOrUpdate(key, page, (_, old) => { replaced = old; return page; });
        if (replaced is not null)
        {
            Release(pages, SizeOf(key, replaced));
        }

        // Evicted meanwhile: the instance is gone, give its bytes back.
        if (pages.Evicted && pages.Pages.TryRemove(new KeyValuePair<string, CachedPage>(key, page)))
        {
            Release(pages, size);
            return false;
        }

        return true;
    }

    /// <summary>Forgets every page of the tenant on this node.</summary>
    public void Evict(string tenantId)
    {
        if (_tenants.TryRemove(tenantId, out var old))
        {
            old.Evicted = true;
            Interlocked.Add(ref _totalBytes, -Interlocked.Exchange(ref old.Bytes, 0));
        }
    }

    /// <summary>Drops expired pages (called by the poller), so their bytes count no more.</summary>
    public void RemoveExpired(long nowTicks)
    {
        foreach (var pages in _tenants.Values)
        {
            foreach (var (key, page) in pages.Pages)
            {
                if (page.ExpiresTicks <= nowTicks && pages.Pages.TryRemove(new KeyValuePair<string, CachedPage>(key, page)))
                {
                    Release(pages, SizeOf(key, page));
                }
            }
        }
    }

    private void Release(TenantPages pages, long size)
    {
        Interlocked.Add(ref pages.Bytes, -size);
        Interlocked.Add(ref _totalBytes, -size);
    }

    private static long SizeOf(string key, CachedPage page) => page.Body.Length + key.Length * 2L + 256;
}
