using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Tenancy;
using Portal.Modules.PublicCache.Data;
using Portal.Modules.PublicCache.Models;
using Portal.Modules.PublicCache.Services;
using Portal.Testing;

namespace Portal.Modules.PublicCache.Tests;

public sealed class VisitCounterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static HttpContext Client(string ip, string userAgent)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        context.Request.Headers.UserAgent = userAgent;
        return context;
    }

    [Fact]
    public void Views_AreCountedInMemory_AndTakenInOneBatchPerTenant()
    {
        var counter = new VisitCounter(TimeProvider.System);
        for (var i = 0; i < 5; i++)
        {
            counter.Count("t1", Client("10.0.0.1", "Firefox"));
        }

        counter.Count("t1", Client("10.0.0.2", "Firefox"));
        counter.Count("t2", Client("10.0.0.1", "Firefox"));

        var batches = counter.Take(Window).OrderBy(b => b.TenantId).ToList();
        Assert.Equal([new VisitBatch("t1", 6, 2), new VisitBatch("t2", 1, 1)], batches);
        Assert.Equal(0, counter.Pending("t1"));

        // Taken views are gone; the clients stay online for the window.
        Assert.Equal([new VisitBatch("t1", 0, 2), new VisitBatch("t2", 0, 1)], counter.Take(Window).OrderBy(b => b.TenantId).ToList());
    }

    [Fact]
    public void ViewsAFailedFlushGivesBack_AreTakenAgain()
    {
        var counter = new VisitCounter(TimeProvider.System);
        counter.Count("t1", Client("10.0.0.1", "Firefox"));
        var batch = Assert.Single(counter.Take(Window));
        counter.Restore(batch.TenantId, batch.Views);
        counter.Count("t1", Client("10.0.0.1", "Firefox"));

        Assert.Equal(2, counter.Pending("t1"));
        Assert.Equal(2, Assert.Single(counter.Take(Window)).Views);
    }

    [Fact]
    public void OnlineClients_AreDistinctByAddressAndBrowser()
    {
        var counter = new VisitCounter(TimeProvider.System);
        counter.Count("t1", Client("10.0.0.1", "Firefox"));
        counter.Count("t1", Client("10.0.0.1", "Firefox"));
        counter.Count("t1", Client("10.0.0.1", "Chrome"));
        counter.Count("t1", Client("10.0.0.9", "Firefox"));

        Assert.Equal(3, counter.Online("t1", Window));
        Assert.Equal(0, counter.Online("t1", TimeSpan.FromMilliseconds(-1)));
    }

    [Fact]
    public async Task TwoNodesFlushes_AddUp_AndOnlyFreshOnlineFiguresCount()
    {
        using var database = new SqliteTestDatabase(new PublicCacheModel());
        var tenant = new TenantDescriptor { Id = "t1", Name = "donvi1", DisplayName = "Đơn vị 1" };
        var other = new TenantDescriptor { Id = "t2", Name = "donvi2", DisplayName = "Đơn vị 2" };
        var now = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero); // 10:00 in Vietnam
        var today = new DateOnly(2026, 12, 2);

        await using (var db = database.CreateContext(tenant))
        {
            await VisitStore.WriteAsync(db, tenant.Id, today, new VisitBatch(tenant.Id, 5, 2), "node-a", now, CancellationToken.None);
            await VisitStore.WriteAsync(db, tenant.Id, today, new VisitBatch(tenant.Id, 7, 3), "node-b", now, CancellationToken.None);
            await VisitStore.WriteAsync(db, tenant.Id, today, new VisitBatch(tenant.Id, 1, 4), "node-a", now.AddSeconds(10), CancellationToken.None);
            await VisitStore.WriteAsync(db, tenant.Id, today.AddDays(-1), new VisitBatch(tenant.Id, 100, 0), "node-c", now.AddMinutes(-30), CancellationToken.None);
        }

        await using (var db = database.CreateContext(other))
        {
            await VisitStore.WriteAsync(db, other.Id, today, new VisitBatch(other.Id, 1000, 50), "node-a", now, CancellationToken.None);
        }

        await using (var db = database.CreateContext(tenant))
        {
            Assert.Equal(new VisitFigures(7, 13, 113), await VisitStore.ReadAsync(db, "node-x", now.AddSeconds(10), TimeSpan.FromMinutes(1), CancellationToken.None));
            // A node leaves its own online figure out (it adds the live one from memory).
            Assert.Equal(new VisitFigures(3, 13, 113), await VisitStore.ReadAsync(db, "node-a", now.AddSeconds(10), TimeSpan.FromMinutes(1), CancellationToken.None));
            Assert.Equal(2, await db.Set<VisitDay>().CountAsync());
        }
    }
}
