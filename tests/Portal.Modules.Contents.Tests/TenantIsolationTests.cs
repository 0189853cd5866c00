using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Tests;

public sealed class TenantIsolationTests
{
    [Fact]
    public async Task ContentAndIndexRowsOfTenantA_AreInvisibleToTenantB()
    {
        using var host = new ContentsTestHost();
        var tenantA = ContentsTestHost.NewTenant("sotaichinh");
        var tenantB = ContentsTestHost.NewTenant("sotuphap");
        var page = await host.CreatePageAsync(tenantA, "Giới thiệu", "gioi-thieu", publish: true);
        await host.DefineTypeAsync(tenantB, "Page", nameof(TitlePart));

        Assert.Empty(host.Rows<ContentItem>(tenantB));
        Assert.Empty(host.Rows<RouteIndex>(tenantB));
        Assert.Single(host.Rows<ContentTypeDefinition>(tenantB));
        Assert.Equal(2, host.CountAllTenants<ContentTypeDefinition>());
        Assert.Null(await host.RunAsync(tenantB, contents => contents.GetAsync(page.ContentItemId, VersionOptions.Latest)));
        Assert.Empty(await host.RunAsync(tenantB, contents => contents.GetVersionsAsync(page.ContentItemId)));

        await using var scope = host.Scope(tenantB);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IContentRouteLookup>().FindPublishedByPathAsync("gioi-thieu"));
    }

    [Fact]
    public async Task TenantB_CannotPublishOrRemoveTenantAsItemById()
    {
        using var host = new ContentsTestHost();
        var tenantA = ContentsTestHost.NewTenant("sotaichinh");
        var tenantB = ContentsTestHost.NewTenant("sotuphap");
        var page = await host.CreatePageAsync(tenantA, "Giới thiệu", "gioi-thieu", publish: false);

        await Assert.ThrowsAsync<ContentNotFoundException>(() => host.RunAsync(tenantB, contents => contents.PublishAsync(page.ContentItemId)));
        Assert.False(await host.RunAsync(tenantB, contents => contents.RemoveAsync(page.ContentItemId)));

        var row = Assert.Single(host.Rows<ContentItem>(tenantA));
        Assert.True(row.Latest);
        Assert.False(row.Published);
    }

    [Fact]
    public async Task ItemOfTenantB_CannotBeSavedThroughTenantAsContext()
    {
        using var host = new ContentsTestHost();
        var tenantA = ContentsTestHost.NewTenant("sotaichinh");
        var tenantB = ContentsTestHost.NewTenant("sotuphap");
        await host.DefineTypeAsync(tenantA, "Page", nameof(TitlePart));
        var itemOfB = await host.CreatePageAsync(tenantB, "Giới thiệu", "gioi-thieu", publish: false);
        itemOfB.DisplayText = "Chiếm quyền";

        await Assert.ThrowsAsync<TenantDataException>(() => host.RunAsync(tenantA, contents => contents.SaveDraftAsync(itemOfB)));
        await Assert.ThrowsAsync<TenantDataException>(() => host.RunAsync(tenantA, contents => contents.CreateAsync(itemOfB, publish: true)));

        Assert.Empty(host.Rows<ContentItem>(tenantA));
        Assert.Equal("Giới thiệu", Assert.Single(host.Rows<ContentItem>(tenantB)).DisplayText);
    }

    [Fact]
    public async Task SameAliasAndPath_AreAllowedInDifferentTenants()
    {
        using var host = new ContentsTestHost();
        var tenantA = ContentsTestHost.NewTenant("sotaichinh");
        var tenantB = ContentsTestHost.NewTenant("sotuphap");

        await host.CreatePageAsync(tenantA, "Giới thiệu", "gioi-thieu", publish: true);
        await host.CreatePageAsync(tenantB, "Giới thiệu", "gioi-thieu", publish: true);

        Assert.Equal(2, host.CountAllTenants<RouteIndex>());
    }
}
