using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Data;

namespace Portal.Modules.Contents.Tests;

public sealed class ContentPartIndexTests
{
    [Fact]
    public async Task IndexProvider_RunsOnlyForItemsWhoseTypeHasItsPart()
    {
        using var host = new ContentsTestHost(
            services => services.AddSingleton<CallLog>().AddContentPart<LegalPart>().WithIndex<LegalIndex, LegalIndexProvider>());
        var tenant = ContentsTestHost.NewTenant();
        var log = host.Services.GetRequiredService<CallLog>();
        await host.DefineTypeAsync(tenant, "LegalDocument", nameof(TitlePart), nameof(LegalPart));

        var page = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        await host.RunAsync(tenant, contents => contents.UpdateAsync(page, publish: true));
        await host.RunAsync(tenant, contents => contents.RemoveAsync(page.ContentItemId));
        Assert.Empty(log.Calls);

        var document = await host.CreateAsync(tenant, "LegalDocument", "Quyết định 12", new JsonObject
        {
            [nameof(TitlePart)] = new JsonObject { ["Title"] = "Quyết định 12" },
            [nameof(LegalPart)] = new JsonObject { ["Number"] = "12/QĐ-UBND" },
        }, publish: true);

        Assert.Equal(["LegalIndex:1"], log.Calls);
        var row = Assert.Single(host.Rows<LegalIndex>(tenant));
        Assert.Equal(("12/QĐ-UBND", document.ContentItemVersionId, true, true), (row.Number, row.ContentItemVersionId, row.Latest, row.Published));
        // The route index belongs to RoutePart, which legal documents do not have.
        Assert.DoesNotContain(host.Rows<RouteIndex>(tenant), r => r.ContentItemId == document.ContentItemId);
    }

    [Fact]
    public async Task IndexRows_OfATypeWithThePart_AreReplacedOnEveryChange()
    {
        using var host = new ContentsTestHost(
            services => services.AddSingleton<CallLog>().AddContentPart<LegalPart>().WithIndex<LegalIndex, LegalIndexProvider>());
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "LegalDocument", nameof(LegalPart));
        var v1 = await host.CreateAsync(tenant, "LegalDocument", "QĐ", new JsonObject { [nameof(LegalPart)] = new JsonObject { ["Number"] = "1/QĐ" } }, publish: true);

        v1.Apply(new LegalPart { Number = "2/QĐ" });
        await host.RunAsync(tenant, contents => contents.SaveDraftAsync(v1));
        Assert.Equal(["1/QĐ", "2/QĐ"], host.Rows<LegalIndex>(tenant).OrderBy(r => r.Number).Select(r => r.Number));

        await host.RunAsync(tenant, contents => contents.PublishAsync(v1.ContentItemId));
        Assert.Equal("2/QĐ", Assert.Single(host.Rows<LegalIndex>(tenant)).Number);

        await host.RunAsync(tenant, contents => contents.RemoveAsync(v1.ContentItemId));
        Assert.Empty(host.Rows<LegalIndex>(tenant));
    }

    [Fact]
    public async Task AnIndexOfEveryItem_RunsForEveryType_AndKeepsRemovedItems()
    {
        using var host = new ContentsTestHost(
            services => services.AddContentIndex<ItemStatusIndex, ItemStatusIndexProvider>());
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Note", nameof(TitlePart));
        var page = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        var note = await host.CreateAsync(tenant, "Note", "Ghi chú", new JsonObject());

        Assert.Equal([("Ghi chú", "draft"), ("Giới thiệu", "published")], Statuses(host, tenant));

        await host.RunAsync(tenant, contents => contents.RemoveAsync(note.ContentItemId));
        await host.RunAsync(tenant, contents => contents.SaveDraftAsync(page));
        Assert.Equal([("Ghi chú", "removed"), ("Giới thiệu", "published")], Statuses(host, tenant));

        await host.RunAsync(tenant, contents => contents.RestoreRemovedAsync(note.ContentItemId));
        Assert.Equal([("Ghi chú", "draft"), ("Giới thiệu", "published")], Statuses(host, tenant));
    }

    [Fact]
    public async Task InstantColumnsOfIndexTables_AreStoredInUtc_AndSortInSql()
    {
        using var host = new ContentsTestHost(
            services => services.AddContentIndex<ItemStatusIndex, ItemStatusIndexProvider>());
        var tenant = ContentsTestHost.NewTenant();
        await host.CreatePageAsync(tenant, "Cũ", "cu", publish: false);
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.CreatePageAsync(tenant, "Mới", "moi", publish: false);

        await using var scope = host.Scope(tenant);
        var rows = await scope.ServiceProvider.GetRequiredService<Portal.Core.Data.PortalDbContext>().Set<ItemStatusIndex>()
            .OrderByDescending(r => r.ModifiedUtc).ToListAsync();

        Assert.Equal(["Mới", "Cũ"], rows.Select(r => r.Title));
        Assert.Equal(host.Clock.Now, rows[0].ModifiedUtc);
        Assert.Equal(TimeSpan.Zero, rows[0].ModifiedUtc.Offset);
    }

    private static List<(string, string)> Statuses(ContentsTestHost host, Portal.Core.Tenancy.TenantDescriptor tenant) =>
        host.Rows<ItemStatusIndex>(tenant).OrderBy(r => r.Title).Select(r => (r.Title, r.Status)).ToList();
}
