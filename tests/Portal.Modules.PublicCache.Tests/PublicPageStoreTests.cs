using Microsoft.Extensions.Primitives;
using Portal.Core.Tenancy;
using Portal.Modules.PublicCache.Services;

namespace Portal.Modules.PublicCache.Tests;

public sealed class PublicPageStoreTests
{
    private static TenantDescriptor Tenant(string id) => new() { Id = id, Name = id, DisplayName = id };

    private static bool Store(PublicPageStore store, string tenantId, string key, CachedPage page) =>
        store.Store(store.For(tenantId), Tenant(tenantId), key, page, store.Evictions);

    private static CachedPage Page(int bytes, long now = 0, long lifetime = 60_000) =>
        new(new byte[bytes], [new KeyValuePair<string, StringValues>("Content-Type", "text/html")], isHtml: true, now, now + lifetime);

    [Fact]
    public void AStoredPage_IsFound_UntilItExpires()
    {
        var store = new PublicPageStore(1_000_000);
        Assert.True(Store(store, "t1", "a/", Page(100, now: 0, lifetime: 10)));
        Assert.NotNull(store.Find("a/", 5));
        Assert.Null(store.Find("a/", 10));
        Assert.Null(store.Find("b/", 5));
    }

    [Fact]
    public void EvictingATenant_ForgetsItsPages_OnlyIts_AndReturnsTheirBytes()
    {
        var store = new PublicPageStore(1_000_000);
        Store(store, "t1", "a/", Page(1000));
        Store(store, "t2", "b/", Page(1000));
        var before = store.TotalBytes;

        store.Evict("t1");

        Assert.Null(store.Find("a/", 1));
        Assert.NotNull(store.Find("b/", 1));
        Assert.True(store.TotalBytes < before);
    }

    [Fact]
    public void APageRenderedWhileItsTenantWasEvicted_IsNeverServed()
    {
        var store = new PublicPageStore(1_000_000);
        var before = store.Evictions; // the page started rendering, then its tenant was evicted
        Store(store, "t1", "x/", Page(100));
        store.Evict("t1");

        Assert.False(store.Store(store.For("t1"), Tenant("t1"), "a/", Page(100), before));
        Assert.Null(store.Find("a/", 1));
        Assert.Equal(0, store.TotalBytes);
    }

    [Fact]
    public void TheBudget_RefusesPagesBeyondIt_AndExpiredPagesGiveTheirBytesBack()
    {
        var store = new PublicPageStore(5_000);
        Assert.True(Store(store, "t1", "a/", Page(3000, now: 0, lifetime: 10)));
        Assert.False(Store(store, "t1", "b/", Page(3000)));

        store.RemoveExpired(10);

        Assert.Equal(0, store.TotalBytes);
        Assert.True(Store(store, "t1", "b/", Page(3000)));
    }
}
