using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Menus;
using Portal.Modules.Menus.Abstractions;
using Portal.Modules.Menus.Services;

namespace Portal.Modules.Taxonomies.Tests;

public sealed class MenusTests
{
    private const string Step = """
        {
          "name": "menus",
          "menus": [
            { "name": "main", "displayName": "Trình đơn chính", "items": [
              { "text": "Trang chủ", "url": "/" },
              { "text": "Giới thiệu", "url": "/gioi-thieu", "children": [
                { "text": "Lịch sử", "url": "/lich-su" },
                { "text": "Cơ cấu tổ chức", "url": "/co-cau-to-chuc" }
              ] },
              { "text": "Dịch vụ công", "url": "https://dichvucong.gov.vn", "openInNewWindow": true }
            ] },
            { "name": "footer", "displayName": "Chân trang" }
          ]
        }
        """;

    private static Task<IReadOnlyList<MenuLink>> MenuAsync(TestHost host, TenantDescriptor tenant, string menu = MenuNames.Main) =>
        host.InTenantAsync(tenant, (IMenuService s) => s.GetMenuAsync(menu));

    [Fact]
    public async Task Step_CreatesNestedMenus_AndRunningAgainDuplicatesNothing()
    {
        await using var host = new TestHost(new MenusModule());
        var tenant = TestHost.NewTenant("sotaichinh");

        await host.RunRecipeAsync(tenant, Step);
        await host.RunRecipeAsync(tenant, Step.Replace("/lich-su", "/gioi-thieu/lich-su", StringComparison.Ordinal));

        var main = await MenuAsync(host, tenant);
        Assert.Equal(["Trang chủ", "Giới thiệu", "Dịch vụ công"], main.Select(l => l.Text));
        Assert.Equal([("Lịch sử", "/gioi-thieu/lich-su"), ("Cơ cấu tổ chức", "/co-cau-to-chuc")], main[1].Children.Select(c => (c.Text, c.Url)));
        Assert.True(main[2].OpenInNewWindow);
        Assert.Empty(await MenuAsync(host, tenant, MenuNames.Footer));
        Assert.Empty(await MenuAsync(host, tenant, "khong-co"));
        Assert.Equal([("Chân trang", 0), ("Trình đơn chính", 5)], (await host.InTenantAsync(tenant, (MenuService s) => s.ListMenusAsync())).Select(m => (m.DisplayName, m.ItemCount)));
    }

    [Fact]
    public async Task Step_RefusesBadAddressesAndRepeatedEntries()
    {
        await using var host = new TestHost(new MenusModule());
        var error = host.ValidationError("""
            { "name": "menus", "menus": [ { "name": "main", "displayName": "Chính", "items": [
              { "text": "A", "url": "javascript:alert(1)" }, { "text": "A", "url": "//evil.example" }, { "text": "B", "url": "/b", "children": [ { "text": "C", "url": "c" } ] }
            ] } ] }
            """);

        Assert.Equal(
        [
            "$.steps[0].menus[0].items[0].url",
            "$.steps[0].menus[0].items[1].url",
            "$.steps[0].menus[0].items[1].text",
            "$.steps[0].menus[0].items[2].children[0].url",
        ], error.Errors.Select(e => e.Path));
    }

    [Fact]
    public async Task Editor_ChecksInput_MovesAndDeletes_AuditsAndEvicts()
    {
        await using var host = new TestHost(new MenusModule());
        var tenant = TestHost.NewTenant("sotaichinh");
        await host.RunRecipeAsync(tenant, Step);
        var items = await host.InTenantAsync(tenant, (MenuService s) => s.GetItemsAsync(MenuNames.Main));
        var about = items.Single(i => i.Text == "Giới thiệu");
        var history = items.Single(i => i.Text == "Lịch sử");
        var evictionsBefore = host.Evictions.Tenants.Count;

        Task<MenuEditResult> Edit(Func<MenuEditor, Task<MenuEditResult>> change) => host.InTenantAsync(tenant, change);

        Assert.Equal([MenuEditor.EmptyText, MenuEditor.BadUrl], (await Edit(e => e.AddItemAsync(MenuNames.Main, new MenuItemInput(" ", "javascript:alert(1)")))).Errors);
        Assert.Equal([MenuEditor.ParentIsSelfOrDescendant], (await Edit(e => e.UpdateItemAsync(about.Id, new MenuItemInput("Giới thiệu", "/gioi-thieu", history.Id)))).Errors);
        Assert.Equal([MenuEditor.UnknownMenu], (await Edit(e => e.AddItemAsync("khong-co", new MenuItemInput("A", "/a")))).Errors);
        Assert.Equal(["Không thể xoá “Giới thiệu” vì còn 2 mục con: hãy xoá hoặc chuyển các mục con trước."], (await Edit(e => e.DeleteItemAsync(about.Id))).Errors);
        Assert.Equal(evictionsBefore, host.Evictions.Tenants.Count);

        Assert.True((await Edit(e => e.MoveItemAsync(about.Id, -1))).Succeeded);
        Assert.True((await Edit(e => e.UpdateItemAsync(history.Id, new MenuItemInput("Lịch sử hình thành", "/lich-su", null, true)))).Succeeded);
        Assert.True((await Edit(e => e.DeleteItemAsync(items.Single(i => i.Text == "Trang chủ").Id))).Succeeded);

        var main = await MenuAsync(host, tenant);
        Assert.Equal(["Giới thiệu", "Dịch vụ công", "Lịch sử hình thành"], main.Select(l => l.Text));
        Assert.Equal(["Cơ cấu tổ chức"], main[0].Children.Select(c => c.Text));
        Assert.Equal(evictionsBefore + 3, host.Evictions.Tenants.Count);
        var actions = await host.InTenantAsync(tenant, (PortalDbContext db) => db.Set<AuditEntry>().OrderByDescending(x => x.Id).Take(3).Select(x => x.Action).ToListAsync());
        Assert.Equal([MenuEditor.ItemDeletedAction, MenuEditor.ItemUpdatedAction, MenuEditor.ItemMovedAction], actions);

        var other = TestHost.NewTenant("xaphuthinh");
        Assert.Empty(await MenuAsync(host, other));
        Assert.Equal([MenuEditor.UnknownItem], (await host.InTenantAsync(other, (MenuEditor e) => e.DeleteItemAsync(about.Id))).Errors);
    }
}
