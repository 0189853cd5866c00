using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Tests;

public sealed class ContentRestoreTests
{
    [Fact]
    public async Task RestoreAsync_SavesAnOldVersionAsANewDraft_AndKeepsThePublishedOne()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: false);
        var v2 = await host.RunAsync(tenant, contents => contents.UpdateAsync(With(v1.Copy(), "Giới thiệu chung"), publish: true));

        var v3 = await host.RunAsync(tenant, contents => contents.RestoreAsync(v1.ContentItemId, v1.ContentItemVersionId, v2.ContentItemVersionId));

        Assert.Equal((3, true, false, "Giới thiệu"), (v3.Number, v3.Latest, v3.Published, v3.DisplayText));
        Assert.Equal("Giới thiệu", v3.As<TitlePart>()!.Title);
        var rows = host.Rows<ContentItem>(tenant).OrderBy(r => r.Number).ToList();
        Assert.Equal([false, true, false], rows.Select(r => r.Published));
        Assert.Equal([false, false, true], rows.Select(r => r.Latest));
        Assert.Single(host.Rows<AuditEntry>(tenant), a => a.Action == ContentManager.RestoreVersionAction && a.Details!.StartsWith("v1 -> ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestoreAsync_OfAVersionOfAnotherItem_IsRefused()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var page = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: false);
        var other = await host.CreatePageAsync(tenant, "Liên hệ", "lien-he", publish: false);

        await Assert.ThrowsAsync<ContentNotFoundException>(() =>
            host.RunAsync(tenant, contents => contents.RestoreAsync(page.ContentItemId, other.ContentItemVersionId)));
        Assert.Equal(2, host.Rows<ContentItem>(tenant).Count);
    }

    [Fact]
    public async Task RestoreRemovedAsync_BringsTheItemBackAsADraft()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        var v2 = await host.RunAsync(tenant, contents => contents.SaveDraftAsync(With(v1, "Bản nháp")));
        await host.RunAsync(tenant, contents => contents.RemoveAsync(v1.ContentItemId));
        Assert.Equal([v2.ContentItemVersionId], await host.RunAsync(tenant, contents => contents.QueryRemoved("Page").Select(x => x.ContentItemVersionId).ToListAsync()));

        var restored = await host.RunAsync(tenant, contents => contents.RestoreRemovedAsync(v1.ContentItemId));

        Assert.NotNull(restored);
        Assert.Equal((v2.ContentItemVersionId, true, false), (restored.ContentItemVersionId, restored.Latest, restored.Published));
        Assert.Empty(await host.RunAsync(tenant, contents => contents.QueryRemoved().ToListAsync()));
        Assert.Equal(v2.ContentItemVersionId, (await host.RunAsync(tenant, contents => contents.GetAsync(v1.ContentItemId, VersionOptions.Latest)))!.ContentItemVersionId);
        var route = Assert.Single(host.Rows<RouteIndex>(tenant));
        Assert.Equal((true, false), (route.Latest, route.Published));
        Assert.Single(host.Rows<AuditEntry>(tenant), a => a.Action == ContentManager.RestoreAction);
        Assert.Null(await host.RunAsync(tenant, contents => contents.RestoreRemovedAsync(v1.ContentItemId)));
    }

    [Fact]
    public async Task RestoreRemovedAsync_RefusesWhenItsAliasWasTakenMeanwhile()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Page", nameof(TitlePart));
        var first = await host.RunAsync(tenant, async contents =>
        {
            var item = await contents.NewAsync("Page");
            item.Alias = "gioi-thieu";
            return await contents.CreateAsync(item, publish: false);
        });
        await host.RunAsync(tenant, contents => contents.RemoveAsync(first.ContentItemId));
        await host.RunAsync(tenant, async contents =>
        {
            var item = await contents.NewAsync("Page");
            item.Alias = "gioi-thieu";
            return await contents.CreateAsync(item, publish: false);
        });

        var error = await Assert.ThrowsAsync<ContentConflictException>(() => host.RunAsync(tenant, contents => contents.RestoreRemovedAsync(first.ContentItemId)));

        Assert.Contains("bí danh “gioi-thieu”", error.UserMessage, StringComparison.Ordinal);
        Assert.Single(await host.RunAsync(tenant, contents => contents.QueryRemoved().ToListAsync()));
    }

    private static ContentItem With(ContentItem item, string title)
    {
        item.DisplayText = title;
        item.Apply(new TitlePart { Title = title });
        return item;
    }
}
