using Portal.Core.Auditing;
using Portal.Modules.Taxonomies.Abstractions;
using Portal.Modules.Taxonomies.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;

namespace Portal.Modules.Taxonomies.Tests;

public sealed class TaxonomyEditorTests
{
    private static async Task<(TestHost Host, Core.Tenancy.TenantDescriptor Tenant)> StartAsync()
    {
        var host = new TestHost(new TaxonomiesModule());
        var tenant = TestHost.NewTenant("sotaichinh");
        Assert.Empty(await host.InTenantAsync(tenant, (TaxonomyEditor e) => e.SaveTaxonomyAsync(TaxonomyNames.Categories, "Chuyên mục")));
        return (host, tenant);
    }

    private static Task<TaxonomyEditResult> AddAsync(TestHost host, Core.Tenancy.TenantDescriptor tenant, string name, string? parentId = null, string? slug = null) =>
        host.InTenantAsync(tenant, (TaxonomyEditor e) => e.AddTermAsync(TaxonomyNames.Categories, new TermInput(name, slug, null, parentId)));

    private static Task<IReadOnlyList<TaxonomyTermInfo>> TermsAsync(TestHost host, Core.Tenancy.TenantDescriptor tenant) =>
        host.InTenantAsync(tenant, (ITaxonomyService s) => s.GetTermsAsync(TaxonomyNames.Categories));

    [Fact]
    public async Task Terms_AreListedInTreeOrder_WithSlugsFromTheirNames()
    {
        var (host, tenant) = await StartAsync();
        await using var _ = host;
        var news = (await AddAsync(host, tenant, "Tin tức - Sự kiện")).Term!;
        var notices = (await AddAsync(host, tenant, "Thông báo")).Term!;
        await AddAsync(host, tenant, "Hoạt động của Đảng ủy", news.Id);
        await AddAsync(host, tenant, "Kinh tế", news.Id);

        var terms = await TermsAsync(host, tenant);

        Assert.Equal(
            [("Tin tức - Sự kiện", "tin-tuc-su-kien", 0), ("Hoạt động của Đảng ủy", "hoat-dong-cua-dang-uy", 1), ("Kinh tế", "kinh-te", 1), ("Thông báo", "thong-bao", 0)],
            terms.Select(t => (t.Name, t.Slug, t.Depth)));
        Assert.Equal(32, news.Id.Length);
        Assert.Equal(notices.Id, (await host.InTenantAsync(tenant, (ITaxonomyService s) => s.FindBySlugAsync(TaxonomyNames.Categories, "thong-bao")))!.Id);
        Assert.Equal("Kinh tế", (await host.InTenantAsync(tenant, (ITaxonomyService s) => s.FindByIdAsync(terms[2].Id)))!.Name);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithVietnameseMessages_AndNothingIsSaved()
    {
        var (host, tenant) = await StartAsync();
        await using var _ = host;
        var news = (await AddAsync(host, tenant, "Tin tức")).Term!;
        var child = (await AddAsync(host, tenant, "Địa phương", news.Id)).Term!;

        Assert.Equal([TaxonomyEditor.EmptyName], (await AddAsync(host, tenant, "  ")).Errors);
        Assert.Equal(["Đường dẫn “tin-tuc” đã được dùng cho “Tin tức”: vui lòng chọn đường dẫn khác."], (await AddAsync(host, tenant, "Tin  tức!")).Errors);
        Assert.Equal([TaxonomyEditor.BadSlug], (await AddAsync(host, tenant, "Khác", slug: "tin tuc/khac")).Errors);
        Assert.Equal([TaxonomyEditor.NoSlugFromName], (await AddAsync(host, tenant, "!!!")).Errors);
        Assert.Equal([TaxonomyEditor.UnknownParent], (await AddAsync(host, tenant, "Khác", parentId: "nope")).Errors);
        foreach (var parent in new[] { news.Id, child.Id })
        {
            var moved = await host.InTenantAsync(tenant, (TaxonomyEditor e) => e.UpdateTermAsync(news.Id, new TermInput("Tin tức", null, null, parent)));
            Assert.Equal([TaxonomyEditor.ParentIsSelfOrDescendant], moved.Errors);
        }

        var refused = await host.InTenantAsync(tenant, (TaxonomyEditor e) => e.DeleteTermAsync(news.Id));
        Assert.Equal(["Không thể xoá “Tin tức” vì còn 1 thuật ngữ con: hãy xoá hoặc chuyển các thuật ngữ con trước."], refused.Errors);
        Assert.Equal(["Tin tức", "Địa phương"], (await TermsAsync(host, tenant)).Select(t => t.Name));
    }

    [Fact]
    public async Task Changes_AreSeenAtOnce_Audited_AndEvictTheTenantsPages()
    {
        var (host, tenant) = await StartAsync();
        await using var _ = host;
        var a = (await AddAsync(host, tenant, "A")).Term!;
        var b = (await AddAsync(host, tenant, "B")).Term!;
        Assert.Equal(["A", "B"], (await TermsAsync(host, tenant)).Select(t => t.Name)); // cached now

        Assert.True((await host.InTenantAsync(tenant, (TaxonomyEditor e) => e.MoveTermAsync(b.Id, -1))).Succeeded);
        Assert.Equal(["B", "A"], (await TermsAsync(host, tenant)).Select(t => t.Name));
        Assert.Equal(["“B” đã ở vị trí đầu tiên."], (await host.InTenantAsync(tenant, (TaxonomyEditor e) => e.MoveTermAsync(b.Id, -1))).Errors);

        var renamed = await host.InTenantAsync(tenant, (TaxonomyEditor e) => e.UpdateTermAsync(a.Id, new TermInput("Chữ A", "chu-a", "Mô tả", b.Id)));
        Assert.True(renamed.Succeeded);
        Assert.Equal([("B", 0), ("Chữ A", 1)], (await TermsAsync(host, tenant)).Select(t => (t.Name, t.Depth)));

        Assert.True((await host.InTenantAsync(tenant, (TaxonomyEditor e) => e.DeleteTermAsync(a.Id))).Succeeded);
        Assert.Equal(["B"], (await TermsAsync(host, tenant)).Select(t => t.Name));

        var actions = await host.InTenantAsync(tenant, (PortalDbContext db) => db.Set<AuditEntry>().OrderBy(x => x.Id).Select(x => x.Action).ToListAsync());
        Assert.Equal(
            [TaxonomyEditor.TaxonomySavedAction, TaxonomyEditor.TermAddedAction, TaxonomyEditor.TermAddedAction, TaxonomyEditor.TermMovedAction, TaxonomyEditor.TermUpdatedAction, TaxonomyEditor.TermDeletedAction],
            actions);
        Assert.Equal(6, host.Evictions.Tenants.Count);
        Assert.All(host.Evictions.Tenants, id => Assert.Equal(tenant.Id, id));
    }

    [Fact]
    public async Task Tenants_NeverSeeEachOthersTerms_AndMayUseTheSameSlugs()
    {
        var (host, tenant) = await StartAsync();
        await using var _ = host;
        var other = TestHost.NewTenant("xaphuthinh");
        await host.InTenantAsync(other, (TaxonomyEditor e) => e.SaveTaxonomyAsync(TaxonomyNames.Categories, "Chuyên mục"));
        var mine = (await AddAsync(host, tenant, "Tin tức")).Term!;
        var theirs = await AddAsync(host, other, "Tin tức");

        Assert.True(theirs.Succeeded);
        Assert.Null(await host.InTenantAsync(other, (ITaxonomyService s) => s.FindByIdAsync(mine.Id)));
        Assert.Equal([theirs.Term!.Id], (await TermsAsync(host, other)).Select(t => t.Id));
        Assert.Equal([TaxonomyEditor.UnknownTerm], (await host.InTenantAsync(other, (TaxonomyEditor e) => e.DeleteTermAsync(mine.Id))).Errors);
        Assert.Single(await TermsAsync(host, tenant));
    }

    [Fact]
    public async Task TermSource_GivesTheContentEditorNamesAndDepths()
    {
        var (host, tenant) = await StartAsync();
        await using var _ = host;
        var news = (await AddAsync(host, tenant, "Tin tức")).Term!;
        await AddAsync(host, tenant, "Kinh tế", news.Id);

        var terms = await host.InTenantAsync(tenant, (Contents.Abstractions.ITaxonomyTermSource s) => s.GetTermsAsync(TaxonomyNames.Categories));

        Assert.Equal([("Tin tức", 0), ("Kinh tế", 1)], terms.Select(t => (t.Name, t.Depth)));
        Assert.Empty(await host.InTenantAsync(tenant, (Contents.Abstractions.ITaxonomyTermSource s) => s.GetTermsAsync("khong-co")));
    }
}
