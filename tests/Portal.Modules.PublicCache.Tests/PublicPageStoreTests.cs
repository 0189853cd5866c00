using Microsoft.Extensions.Primitives;
using Portal.Modules.PublicCache.Services;

namespace Portal.Modules.PublicCache.Tests;

public sealed class PublicPageStoreTests
{
    private static CachedPage Page(int bytes, long now = 0, long lifetime = 60_000) =>
        new(new byte[bytes], [new KeyValuePair<string, StringValues>("Content-Type", "text/html")], isHtml: true, now, now + lifetime);

    [Fact]
    public void AStoredPage_IsFound_UntilItExpires()
    {
        var store = new PublicPageStore(1_000_000);
        var pages = store.For("t1");
        Assert.True(store.Store(pages, "a/", Page(100, now: 0, lifetime: 10)));
        Assert.NotNull(PublicPageStore.Find(store.For("t1"), "a/", 5));
        Assert.Null(PublicPageStore.Find(store.For("t1"), "a/", 10));
        Assert.Null(PublicPageStore.Find(store.For("t1"), "b/", 5));
    }

    [Fact]
    public void EvictingATenant_ForgetsItsPages_OnlyIts_AndReturnsTheirBytes()
    {
        var store = new PublicPageStore(1_000_000);
        store.Store(store.For("t1"), "a/", Page(1000));
        store.Store(store.For("t2"), "a/", Page(1000));
        var before = store.TotalBytes;

        store.Evict("t1");

        Assert.Null(PublicPageStore.Find(store.For("t1"), "a/", 1));
        Assert.NotNull(PublicPageStore.Find(store.For("t2"), "a/", 1));
        Assert.True(store.TotalBytes < before);
    }

    [Fact]
    public void APageRenderedWhileItsTenantWasEvicted_IsNeverServed()
    {
        var store = new PublicPageStore(1_000_000);
        var taken = store.For("t1"); // the request looked the tenant up before the eviction
        store.Evict("t1");

        Assert.False(store.Store(taken, "a/", Page(100)));
        Assert.Null(PublicPageStore.Find(store.For("t1"), "a/", 1));
        Assert.Equal(0, store.TotalBytes);
    }

    [Fact]
    public void TheBudget_RefusesPagesBeyondIt_AndExpiredPagesGiveTheirBytesBack()
    {
        var store = new PublicPageStore(5_000);
        Assert.True(store.Store(store.For("t1"), "a/", Page(3000, now: 0, lifetime: 10)));
        Assert.False(store.Store(store.For("t1"), "b/", Page(3000)));

        store.RemoveExpired(10);

        Assert.Equal(0, store.TotalBytes);
        Assert.True(store.Store(store.For("t1"), "b/", Page(3000)));
    }
}
