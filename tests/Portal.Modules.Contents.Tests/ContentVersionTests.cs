using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Tests;

public sealed class ContentVersionTests
{
    [Fact]
    public async Task Create_WritesVersionOneAsLatestWithAuthorAndTimes()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();

        var created = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: false);

        var row = Assert.Single(host.Rows<ContentItem>(tenant));
        Assert.Equal(1, row.Number);
        Assert.True(row.Latest);
        Assert.False(row.Published);
        Assert.Null(row.PublishedUtc);
        Assert.Equal(ContentsTestHost.Editor, row.Author);
        Assert.Equal(host.Clock.Now, row.CreatedUtc);
        Assert.Equal(host.Clock.Now, row.ModifiedUtc);
        Assert.Equal(tenant.Id, row.TenantId);
        Assert.Equal(created.ContentItemId, row.ContentItemId);
        Assert.Equal(32, row.ContentItemId.Length);
        Assert.Equal("Giới thiệu", row.Data[nameof(TitlePart)]![nameof(TitlePart.Title)]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_AddsVersionTwoAsLatestAndLeavesVersionOneUnchanged()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: false);
        host.Clock.Advance(TimeSpan.FromHours(1));

        var edited = await host.RunAsync(tenant, contents => contents.GetAsync(v1.ContentItemId, VersionOptions.Latest));
        edited!.DisplayText = "Giới thiệu chung";
        edited.Apply(new TitlePart { Title = "Giới thiệu chung" });
        var v2 = await host.RunAsync(tenant, contents => contents.SaveDraftAsync(edited));

        var rows = host.Rows<ContentItem>(tenant).OrderBy(r => r.Number).ToList();
        Assert.Equal([1, 2], rows.Select(r => r.Number));
        Assert.False(rows[0].Latest);
        Assert.True(rows[1].Latest);
        Assert.Equal(v2.ContentItemVersionId, rows[1].ContentItemVersionId);
        Assert.NotEqual(rows[0].ContentItemVersionId, rows[1].ContentItemVersionId);
        Assert.Equal("Giới thiệu", rows[0].DisplayText);
        Assert.Equal("Giới thiệu", rows[0].As<TitlePart>()!.Title);
        Assert.Equal(v1.ModifiedUtc, rows[0].ModifiedUtc);
        Assert.Equal("Giới thiệu chung", rows[1].As<TitlePart>()!.Title);
        Assert.Equal(host.Clock.Now, rows[1].ModifiedUtc);
        Assert.Equal(v1.CreatedUtc, rows[1].CreatedUtc);
    }

    [Fact]
    public async Task Update_OfAnEditedTrackedRow_DoesNotOverwriteThatRow()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: false);

        await using (var scope = host.Scope(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<Portal.Core.Data.PortalDbContext>();
            var tracked = await db.Set<ContentItem>().SingleAsync();
            tracked.DisplayText = "Sửa trực tiếp";
            tracked.Data[nameof(TitlePart)]![nameof(TitlePart.Title)] = "Sửa trực tiếp";
            await scope.ServiceProvider.GetRequiredService<IContentManager>().UpdateAsync(tracked, publish: false);
        }

        var rows = host.Rows<ContentItem>(tenant).OrderBy(r => r.Number).ToList();
        Assert.Equal("Giới thiệu", rows[0].DisplayText);
        Assert.Equal("Giới thiệu", rows[0].As<TitlePart>()!.Title);
        Assert.False(rows[0].Latest);
        Assert.Equal("Sửa trực tiếp", rows[1].DisplayText);
        Assert.Equal(v1.ContentItemVersionId, rows[0].ContentItemVersionId);
    }

    [Fact]
    public async Task Publish_MarksLatestPublishedWithTime()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var page = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: false);
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var published = await host.RunAsync(tenant, contents => contents.PublishAsync(page.ContentItemId));

        Assert.True(published.Published);
        var row = Assert.Single(host.Rows<ContentItem>(tenant));
        Assert.True(row.Published);
        Assert.True(row.Latest);
        Assert.Equal(host.Clock.Now, row.PublishedUtc);
    }

    [Fact]
    public async Task DraftAfterPublish_KeepsPublishedVersionAndMakesNewOneLatest()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);

        var draft = await host.RunAsync(tenant, contents => contents.SaveDraftAsync(With(v1, "Bản nháp")));

        var published = await host.RunAsync(tenant, contents => contents.GetAsync(v1.ContentItemId, VersionOptions.Published));
        var latest = await host.RunAsync(tenant, contents => contents.GetAsync(v1.ContentItemId, VersionOptions.Latest));
        Assert.Equal(1, published!.Number);
        Assert.False(published.Latest);
        Assert.Equal(2, latest!.Number);
        Assert.False(latest.Published);
        Assert.Equal(draft.ContentItemVersionId, latest.ContentItemVersionId);
    }

    [Fact]
    public async Task PublishingNewVersion_UnpublishesTheOldOne()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        await host.RunAsync(tenant, contents => contents.SaveDraftAsync(With(v1, "Bản mới")));

        await host.RunAsync(tenant, contents => contents.PublishAsync(v1.ContentItemId));

        var rows = host.Rows<ContentItem>(tenant).OrderBy(r => r.Number).ToList();
        Assert.Equal([false, true], rows.Select(r => r.Published));
        Assert.Equal([false, true], rows.Select(r => r.Latest));
        Assert.NotNull(rows[0].PublishedUtc);
    }

    [Fact]
    public async Task UpdateWithPublish_ReplacesPublishedVersionInOneStep()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);

        var v2 = await host.RunAsync(tenant, contents => contents.UpdateAsync(With(v1, "Sửa lỗi chính tả"), publish: true));

        Assert.True(v2.Published);
        Assert.True(v2.Latest);
        var rows = host.Rows<ContentItem>(tenant);
        Assert.Single(rows, r => r.Published);
        Assert.Single(rows, r => r.Latest);
    }

    [Fact]
    public async Task VersionNumbers_IncreaseWithEverySave_AndVersionsListNewestFirst()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var item = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: false);
        for (var i = 2; i <= 4; i++)
        {
            item = await host.RunAsync(tenant, contents => contents.SaveDraftAsync(With(item, $"Lần {i}")));
            Assert.Equal(i, item.Number);
        }

        var versions = await host.RunAsync(tenant, contents => contents.GetVersionsAsync(item.ContentItemId));
        Assert.Equal([4, 3, 2, 1], versions.Select(v => v.Number));
        var third = await host.RunAsync(tenant, contents => contents.GetAsync(item.ContentItemId, VersionOptions.Version(3)));
        Assert.Equal("Lần 3", third!.DisplayText);
    }

    [Fact]
    public async Task Unpublish_ClearsPublishedButKeepsLatest()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var page = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);

        Assert.True(await host.RunAsync(tenant, contents => contents.UnpublishAsync(page.ContentItemId)));
        Assert.False(await host.RunAsync(tenant, contents => contents.UnpublishAsync(page.ContentItemId)));

        var row = Assert.Single(host.Rows<ContentItem>(tenant));
        Assert.True(row.Latest);
        Assert.False(row.Published);
    }

    [Fact]
    public async Task Remove_ClearsFlagsButKeepsEveryRow()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        await host.RunAsync(tenant, contents => contents.SaveDraftAsync(With(v1, "Bản nháp")));

        Assert.True(await host.RunAsync(tenant, contents => contents.RemoveAsync(v1.ContentItemId)));

        var rows = host.Rows<ContentItem>(tenant);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.False(r.Latest || r.Published));
        Assert.Null(await host.RunAsync(tenant, contents => contents.GetAsync(v1.ContentItemId, VersionOptions.Latest)));
        Assert.Equal(2, (await host.RunAsync(tenant, contents => contents.GetVersionsAsync(v1.ContentItemId))).Count);
        await Assert.ThrowsAsync<ContentNotFoundException>(() => host.RunAsync(tenant, contents => contents.PublishAsync(v1.ContentItemId)));
    }

    [Fact]
    public async Task Writes_AreAudited()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var page = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        var opened = page.ContentItemVersionId;
        await host.RunAsync(tenant, contents => contents.SaveDraftAsync(With(page, "Giới thiệu mới"), opened));
        // A save refused (stale version) leaves no entry: the entry is written in the version's transaction.
        await Assert.ThrowsAsync<ContentConcurrencyException>(() => host.RunAsync(tenant, contents => contents.SaveDraftAsync(With(page, "Bản cũ"), opened)));
        await host.RunAsync(tenant, contents => contents.UnpublishAsync(page.ContentItemId));
        await host.RunAsync(tenant, contents => contents.RemoveAsync(page.ContentItemId));

        var trail = host.Rows<AuditEntry>(tenant).Where(a => a.Subject == page.ContentItemId).OrderBy(a => a.Id).ToList();
        Assert.Equal(
            [ContentManager.CreateAction, ContentManager.PublishAction, ContentManager.UpdateAction, ContentManager.UnpublishAction, ContentManager.RemoveAction],
            trail.Select(a => a.Action));
        Assert.Equal("Page v2: Giới thiệu mới", trail.Single(a => a.Action == ContentManager.UpdateAction).Details);
        Assert.All(host.Rows<AuditEntry>(tenant), a => Assert.Equal(ContentsTestHost.Editor, a.Actor));
    }

    [Fact]
    public async Task New_RefusesUnknownContentType()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();

        var error = await Assert.ThrowsAsync<UnknownContentTypeException>(() => host.RunAsync(tenant, contents => contents.NewAsync("Article")));

        Assert.Equal("Article", error.ContentType);
        Assert.Contains("Article", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_PreparesAnEmptyObjectForEachPartOfTheType()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Article", nameof(TitlePart), nameof(BodyPart));

        var item = await host.RunAsync(tenant, contents => contents.NewAsync("Article"));

        Assert.Equal([nameof(TitlePart), nameof(BodyPart)], item.Data.Select(p => p.Key));
        Assert.IsType<JsonObject>(item.Data[nameof(TitlePart)]);
        Assert.Equal("vi", item.Culture);
    }

    [Fact]
    public async Task QueryPublished_ListsOnlyPublishedVersionsOrderedByTime()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await host.CreatePageAsync(tenant, "Một", "mot", publish: true);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.CreatePageAsync(tenant, "Hai", "hai", publish: false);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.CreatePageAsync(tenant, "Ba", "ba", publish: true);

        var titles = await host.RunAsync(tenant, contents =>
            contents.QueryPublished("Page").OrderByDescending(x => x.PublishedUtc).Select(x => x.DisplayText).ToListAsync());
        var latest = await host.RunAsync(tenant, contents => contents.QueryLatest("Page").CountAsync());

        Assert.Equal(["Ba", "Một"], titles);
        Assert.Equal(3, latest);
    }

    private static ContentItem With(ContentItem item, string title)
    {
        item.DisplayText = title;
        item.Apply(new TitlePart { Title = title });
        return item;
    }
}
