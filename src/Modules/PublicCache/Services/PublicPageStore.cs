using System.Collections.Concurrent;
using System.IO.Compression;
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

    private byte[]? _brotli;
    private byte[]? _gzip;

    /// <summary>The body compressed with Brotli, made once, on the first request that accepts it.</summary>
    public byte[] Brotli => _brotli ?? Interlocked.CompareExchange(ref _brotli, Compress(static s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)), null) ?? _brotli;

    /// <summary>The body compressed with gzip, made once, on the first request that accepts it (and not Brotli).</summary>
    public byte[] Gzip => _gzip ?? Interlocked.CompareExchange(ref _gzip, Compress(static s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)), null) ?? _gzip;

    private byte[] Compress(Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream(Body.Length / 3 + 64);
        using (var stream = encoder(output))
        {
            stream.Write(Body);
        }

        return output.ToArray();
    }
}

/// <summary>
/// The pages of one tenant stored since its last eviction. Evicting a tenant marks its instance
/// evicted: its pages are never served again, and a page rendered while the eviction happened is
/// stored into the evicted instance, never served either.
/// </summary>
internal sealed class TenantPages(long createdAt)
{
    /// <summary>The store's eviction count when this instance was made.</summary>
    public long CreatedAt { get; } = createdAt;

    public long Bytes;

    public volatile bool Evicted;
}

/// <summary>A cached page with the tenant it belongs to (as the registry held it when stored).</summary>
internal sealed record StoredPage(TenantPages Owner, Portal.Core.Tenancy.TenantDescriptor Tenant, CachedPage Page);

/// <summary>
/// The cached pages of this node, keyed by URL (scheme, host, path, query) so that a cached page
/// is found before the tenant is resolved; each belongs to its tenant's current
/// <see cref="TenantPages"/>. Bounded in total bytes.
/// </summary>
internal sealed class PublicPageStore(long maxTotalBytes)
{
    private readonly ConcurrentDictionary<string, TenantPages> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredPage> _pages = new(StringComparer.Ordinal);
    private long _totalBytes;
    private long _evictions;

    /// <summary>How many evictions happened so far: taken before a page renders, it tells whether its tenant was evicted meanwhile.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    public TenantPages For(string tenantId) =>
        _tenants.TryGetValue(tenantId, out var pages) ? pages : _tenants.GetOrAdd(tenantId, static (_, store) => new TenantPages(store.Evictions), this);

    /// <summary>The page stored under the key, unless expired or its tenant evicted since.</summary>
    public StoredPage? Find(string key, long nowTicks) =>
        _pages.TryGetValue(key, out var stored) && !stored.Owner.Evicted && stored.Page.ExpiresTicks > nowTicks ? stored : null;

    /// <summary>
    /// Stores the page rendered since <paramref name="evictionsBefore"/> unless the node's budget is
    /// spent or the tenant was evicted meanwhile (its pages instance is newer); false when not stored.
    /// </summary>
    public bool Store(TenantPages owner, Portal.Core.Tenancy.TenantDescriptor tenant, string key, CachedPage page, long evictionsBefore)
    {
        var size = SizeOf(key, page);
        if (owner.Evicted || owner.CreatedAt > evictionsBefore)
        {
            return false;
        }

        if (Interlocked.Add(ref _totalBytes, size) > maxTotalBytes)
        {
            Interlocked.Add(ref _totalBytes, -size);
            return false;
        }

        Interlocked.Add(ref owner.Bytes, size);
        var stored = new StoredPage(owner, tenant, page);
        StoredPage? replaced = null;
        _pages.AddOrUpdate(key, stored, (_, old) => { replaced = old; return stored; });
        if (replaced is { Owner.Evicted: false })
        {
            Release(replaced.Owner, SizeOf(key, replaced.Page));
        }

        // Evicted meanwhile: give the bytes back; the page is never served (its owner is evicted).
        if (owner.Evicted)
        {
            _pages.TryRemove(new KeyValuePair<string, StoredPage>(key, stored));
            return false;
        }

        return true;
    }

    /// <summary>Forgets every page of the tenant on this node.</summary>
    public void Evict(string tenantId)
    {
        Interlocked.Increment(ref _evictions);
        if (_tenants.TryRemove(tenantId, out var old))
        {
            old.Evicted = true;
            Interlocked.Add(ref _totalBytes, -Interlocked.Exchange(ref old.Bytes, 0));
        }
    }

    /// <summary>Drops expired pages and those of evicted tenants (called by the poller), so their bytes count no more.</summary>
    public void RemoveExpired(long nowTicks)
    {
        foreach (var (key, stored) in _pages)
        {
            if ((stored.Owner.Evicted || stored.Page.ExpiresTicks <= nowTicks) && _pages.TryRemove(new KeyValuePair<string, StoredPage>(key, stored)) && !stored.Owner.Evicted)
            {
                Release(stored.Owner, SizeOf(key, stored.Page));
            }
        }
    }

    private void Release(TenantPages owner, long size)
    {
        Interlocked.Add(ref owner.Bytes, -size);
        Interlocked.Add(ref _totalBytes, -size);
    }

    private static long SizeOf(string key, CachedPage page) => page.Body.Length + key.Length * 2L + 256;
}
