using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Data;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Tests;

public sealed class ContentIndexTests
{
    [Fact]
    public async Task RouteIndex_FollowsLatestAndPublishedVersions()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);

        var row = Assert.Single(host.Rows<RouteIndex>(tenant));
        Assert.Equal(("gioi-thieu", true, true, v1.ContentItemVersionId), (row.Path, row.Latest, row.Published, row.ContentItemVersionId));

        v1.Apply(new RoutePart { Path = "/Gioi-Thieu-Moi/" });
        var v2 = await host.RunAsync(tenant, contents => contents.SaveDraftAsync(v1));

        var rows = host.Rows<RouteIndex>(tenant).OrderBy(r => r.Path).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("gioi-thieu", false, true, v1.ContentItemVersionId), (rows[0].Path, rows[0].Latest, rows[0].Published, rows[0].ContentItemVersionId));
        Assert.Equal(("gioi-thieu-moi", true, false, v2.ContentItemVersionId), (rows[1].Path, rows[1].Latest, rows[1].Published, rows[1].ContentItemVersionId));
    }

    [Fact]
    public async Task RouteIndex_RowsAreReplacedNotDuplicated()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var item = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        for (var i = 0; i < 3; i++)
        {
            item = await host.RunAsync(tenant, contents => contents.UpdateAsync(item, publish: true));
        }

        await host.RunAsync(tenant, contents => contents.PublishAsync(item.ContentItemId));

        var row = Assert.Single(host.Rows<RouteIndex>(tenant));
        Assert.Equal(item.ContentItemVersionId, row.ContentItemVersionId);
        Assert.True(row.Latest && row.Published);
    }

    [Fact]
    public async Task RouteIndex_UnpublishAndRemove_DropTheRows()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var page = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);

        await host.RunAsync(tenant, contents => contents.UnpublishAsync(page.ContentItemId));
        var row = Assert.Single(host.Rows<RouteIndex>(tenant));
        Assert.False(row.Published);

        await host.RunAsync(tenant, contents => contents.RemoveAsync(page.ContentItemId));
        Assert.Empty(host.Rows<RouteIndex>(tenant));
    }

    [Fact]
    public async Task RouteLookup_FindsOnlyThePublishedVersionByPath()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        v1.DisplayText = "Bản nháp";
        await host.RunAsync(tenant, contents => contents.SaveDraftAsync(v1));
        await host.CreatePageAsync(tenant, "Chưa xuất bản", "chua-xuat-ban", publish: false);

        await using var scope = host.Scope(tenant);
        var routes = scope.ServiceProvider.GetRequiredService<IContentRouteLookup>();
        var found = await routes.FindPublishedByPathAsync("/Gioi-Thieu");

        Assert.NotNull(found);
        Assert.Equal("Giới thiệu", found.DisplayText);
        Assert.Equal(1, found.Number);
        Assert.Null(await routes.FindPublishedByPathAsync("chua-xuat-ban"));
        Assert.Null(await routes.FindPublishedByPathAsync(""));
    }

    [Fact]
    public async Task RouteIndex_RefusesTwoPublishedItemsOnOnePath()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);

        await Assert.ThrowsAsync<DbUpdateException>(() => host.CreatePageAsync(tenant, "Trùng", "gioi-thieu", publish: true));
    }

    [Fact]
    public async Task AddContentIndex_LetsAModuleKeepItsOwnIndexTable()
    {
        using var host = new ContentsTestHost(
            services => services.AddContentPart<TitlePart>().WithIndex<TitleIndex, TitleIndexProvider>());
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        await host.RunAsync(tenant, contents => contents.SaveDraftAsync(v1.Apply(new TitlePart { Title = "Bản nháp" })));

        var rows = host.Rows<TitleIndex>(tenant).OrderBy(r => r.Title).ToList();

        Assert.Equal(["Bản nháp", "Giới thiệu"], rows.Select(r => r.Title));
        Assert.Equal([true, false], rows.Select(r => r.Latest));
        Assert.Equal([false, true], rows.Select(r => r.Published));
    }

    public sealed class TitleIndex : ContentIndexRow
    {
        public string Title { get; set; } = "";
    }

    public sealed class TitleIndexProvider : ContentIndexProvider<TitleIndex>
    {
        public override IEnumerable<TitleIndex> Map(ContentItem version) =>
            version.As<TitlePart>()?.Title is { } title ? [new TitleIndex { Title = title }] : [];
    }
}
