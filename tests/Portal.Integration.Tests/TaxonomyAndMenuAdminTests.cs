using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Menus.Abstractions;
using Portal.Modules.Menus.Services;
using Portal.Modules.Taxonomies.Abstractions;
using Portal.Modules.Taxonomies.Services;

namespace Portal.Integration.Tests;

/// <summary>The taxonomy and menu editors of the admin and the content editor's term picker, through HTTP; once per provider.</summary>
public abstract partial class TaxonomyAndMenuAdminTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    private const string Password = "Phan-Loai-Chuyen-Muc-2026";

    protected TFactory App { get; } = app;

    [ProviderFact]
    public async Task Administrator_AddsEditsMovesAndDeletesTerms_WithVietnameseChecks_EachAudited()
    {
        var site = await App.CreateTenantAsync("Sở Phân loại " + Suffix());
        using var client = await SignedInAsync(site, "Quản trị hệ thống", "quantri");
        var taxonomy = "linh-vuc";

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "/admin/taxonomies", new() { ["Name"] = taxonomy, ["DisplayName"] = "Lĩnh vực" })).StatusCode);
        var terms = $"/admin/taxonomies/{taxonomy}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, terms + "?handler=Add", new() { ["Input.Name"] = "Tài chính - Ngân sách" })).StatusCode);
        var parent = (await TermAsync(site, taxonomy, "tai-chinh-ngan-sach"))!;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, terms + "?handler=Add", new() { ["Input.Name"] = "Đầu tư công", ["Input.ParentId"] = parent.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, terms + "?handler=Add", new() { ["Input.Name"] = "Giá cả", ["Input.Slug"] = "gia-ca-thi-truong" })).StatusCode);
        var child = (await TermAsync(site, taxonomy, "dau-tu-cong"))!;
        Assert.Equal((1, parent.Id), (child.Depth, child.ParentId));

        // Bad input: the form again, Vietnamese messages, nothing saved.
        await AssertRefusedAsync(client, terms + "?handler=Add", new() { ["Input.Name"] = "  " }, TaxonomyEditor.EmptyName);
        await AssertRefusedAsync(client, terms + "?handler=Add", new() { ["Input.Name"] = "Tài chính, ngân sách" }, "Đường dẫn “tai-chinh-ngan-sach” đã được dùng cho “Tài chính - Ngân sách”");
        await AssertRefusedAsync(client, terms + "?handler=Add", new() { ["Input.Name"] = "Khác", ["Input.Slug"] = "Khác nữa" }, TaxonomyEditor.BadSlug);
        var editParent = $"{terms}/terms/{parent.Id}";
        await AssertRefusedAsync(client, editParent, new() { ["Input.Name"] = "Tài chính", ["Input.ParentId"] = child.Id }, TaxonomyEditor.ParentIsSelfOrDescendant);
        Assert.Equal(3, (await TermsAsync(site, taxonomy)).Count);

        // Rename, move, delete; a term with children is kept.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, editParent, new() { ["Input.Name"] = "Tài chính", ["Input.Slug"] = "tai-chinh", ["Input.Description"] = "Tin tài chính" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"{terms}?handler=Down&id={parent.Id}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"{terms}?handler=Delete&id={parent.Id}", [])).StatusCode);
        Assert.Contains("vì còn 1 thuật ngữ con", await client.GetStringAsync(new Uri(terms, UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"{terms}?handler=Delete&id={child.Id}", [])).StatusCode);

        Assert.Equal([("gia-ca-thi-truong", 0), ("tai-chinh", 0)], (await TermsAsync(site, taxonomy)).Select(t => (t.Slug, t.Depth)));
        var page = await client.GetStringAsync(new Uri(terms, UriKind.Relative));
        Assert.Contains("Tài chính</a>", page, StringComparison.Ordinal);
        var trail = await TrailAsync(site, "taxonomies.");
        Assert.Equal(
            [TaxonomyEditor.TaxonomySavedAction, TaxonomyEditor.TermAddedAction, TaxonomyEditor.TermAddedAction, TaxonomyEditor.TermAddedAction, TaxonomyEditor.TermUpdatedAction, TaxonomyEditor.TermMovedAction, TaxonomyEditor.TermDeletedAction],
            trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal("quantri", e.Actor));
    }

    [ProviderFact]
    public async Task WithoutThePermission_TheEditorsAnswer403_AndNothingChanges()
    {
        var site = await App.CreateTenantAsync("Sở Không quyền " + Suffix());
        await App.InTenantAsync(site, async sp => await sp.GetRequiredService<TaxonomyEditor>().SaveTaxonomyAsync("chu-de", "Chủ đề"));
        using var client = await SignedInAsync(site, "Biên tập viên", "bientapvien");

        foreach (var path in new[] { "/admin/taxonomies", "/admin/taxonomies/chu-de", "/admin/menus" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "/admin/taxonomies/chu-de?handler=Add", new() { ["Input.Name"] = "Không được thêm" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "/admin/menus", new() { ["Name"] = "phu", ["DisplayName"] = "Phụ" })).StatusCode);
        Assert.Empty(await TermsAsync(site, "chu-de"));
        Assert.Empty(await App.InTenantAsync(site, sp => sp.GetRequiredService<MenuService>().ListMenusAsync()));
    }

    [ProviderFact]
    public async Task AnotherTenantsTermsAndMenuItems_AreOutOfReach()
    {
        var owner = await App.CreateTenantAsync("Sở Chủ " + Suffix());
        var other = await App.CreateTenantAsync("Sở Khác " + Suffix());
        var term = await App.InTenantAsync(owner, async sp =>
        {
            var editor = sp.GetRequiredService<TaxonomyEditor>();
            await editor.SaveTaxonomyAsync("chu-de", "Chủ đề");
            return (await editor.AddTermAsync("chu-de", new TermInput("Riêng của chủ"))).Term!;
        });
        var item = await App.InTenantAsync(owner, async sp =>
        {
            var editor = sp.GetRequiredService<MenuEditor>();
            await editor.SaveMenuAsync(MenuNames.Main, "Trình đơn chính");
            return (await editor.AddItemAsync(MenuNames.Main, new MenuItemInput("Riêng", "/rieng"))).Item!;
        });
        await App.InTenantAsync(other, async sp =>
        {
            await sp.GetRequiredService<TaxonomyEditor>().SaveTaxonomyAsync("chu-de", "Chủ đề");
            return await sp.GetRequiredService<MenuEditor>().SaveMenuAsync(MenuNames.Main, "Trình đơn chính");
        });
        using var client = await SignedInAsync(other, "Quản trị hệ thống", "quantri");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/admin/taxonomies/chu-de/terms/{term.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/admin/menus/main/items/{item.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/admin/taxonomies/chu-de?handler=Delete&id={term.Id}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/admin/menus/main?handler=Delete&id={item.Id}", [])).StatusCode);
        Assert.DoesNotContain("Riêng", await client.GetStringAsync(new Uri("/admin/taxonomies/chu-de", UriKind.Relative)), StringComparison.Ordinal);

        Assert.Equal(["Riêng của chủ"], (await TermsAsync(owner, "chu-de")).Select(t => t.Name));
        Assert.Equal(["Riêng"], (await App.InTenantAsync(owner, sp => sp.GetRequiredService<IMenuService>().GetMenuAsync(MenuNames.Main))).Select(l => l.Text));
    }

    [ProviderFact]
    public async Task Administrator_EditsMenus_WithVietnameseChecks_Audited()
    {
        var site = await App.CreateTenantAsync("Sở Trình đơn " + Suffix());
        using var client = await SignedInAsync(site, "Quản trị hệ thống", "quantri");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "/admin/menus", new() { ["Name"] = "phu", ["DisplayName"] = "Trình đơn phụ" })).StatusCode);
        var items = "/admin/menus/phu";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, items + "?handler=Add", new() { ["Input.Text"] = "Giới thiệu", ["Input.Url"] = "/gioi-thieu" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, items + "?handler=Add", new() { ["Input.Text"] = "Dịch vụ công", ["Input.Url"] = "https://dichvucong.gov.vn", ["Input.OpenInNewWindow"] = "true" })).StatusCode);
        await AssertRefusedAsync(client, items + "?handler=Add", new() { ["Input.Text"] = "Xấu", ["Input.Url"] = "javascript:alert(1)" }, MenuEditor.BadUrl);
        await AssertRefusedAsync(client, items + "?handler=Add", new() { ["Input.Text"] = "", ["Input.Url"] = "/a" }, MenuEditor.EmptyText);
        var links = await App.InTenantAsync(site, sp => sp.GetRequiredService<IMenuService>().GetMenuAsync("phu"));
        Assert.Equal([("Giới thiệu", "/gioi-thieu", false), ("Dịch vụ công", "https://dichvucong.gov.vn", true)], links.Select(l => (l.Text, l.Url, l.OpenInNewWindow)));

        var id = (await App.InTenantAsync(site, sp => sp.GetRequiredService<MenuService>().GetItemsAsync("phu")))[1].Id;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"{items}?handler=Up&id={id}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"{items}/items/{id}", new() { ["Input.Text"] = "Cổng dịch vụ công", ["Input.Url"] = "https://dichvucong.gov.vn" })).StatusCode);
        links = await App.InTenantAsync(site, sp => sp.GetRequiredService<IMenuService>().GetMenuAsync("phu"));
        Assert.Equal([("Cổng dịch vụ công", false), ("Giới thiệu", false)], links.Select(l => (l.Text, l.OpenInNewWindow)));
        Assert.Equal(
            [MenuEditor.MenuSavedAction, MenuEditor.ItemAddedAction, MenuEditor.ItemAddedAction, MenuEditor.ItemMovedAction, MenuEditor.ItemUpdatedAction],
            (await TrailAsync(site, "menus.")).Select(e => e.Action));
    }

    [ProviderFact]
    public async Task ContentEditor_OffersTheTaxonomysTermsAsCheckboxes_AndStoresMediaLists()
    {
        var site = await App.CreateTenantAsync("Sở Biên tập " + Suffix());
        var (news, economy) = await App.InTenantAsync(site, async sp =>
        {
            var editor = sp.GetRequiredService<TaxonomyEditor>();
            await editor.SaveTaxonomyAsync("chuyen-muc", "Chuyên mục");
            var parent = (await editor.AddTermAsync("chuyen-muc", new TermInput("Tin tức"))).Term!;
            var child = (await editor.AddTermAsync("chuyen-muc", new TermInput("Kinh tế", null, null, parent.Id))).Term!;
            await sp.GetRequiredService<IContentDefinitionStore>().SaveAsync("Report", "Báo cáo", ContentTypeDefinition.BuildSettings(
                ["TitlePart"],
                [
                    new ContentFieldDefinition("Categories", ContentFieldTypes.Taxonomy) { DisplayName = "Chuyên mục", Settings = new JsonObject { ["taxonomy"] = "chuyen-muc" } },
                    new ContentFieldDefinition("Attachments", ContentFieldTypes.MediaList) { DisplayName = "Tệp đính kèm" },
                ]));
            return (parent, child);
        });
        using var client = await SignedInAsync(site, "Quản trị hệ thống", "quantri");
        const string create = "/admin/contents/create/Report";

        var form = await client.GetStringAsync(new Uri(create, UriKind.Relative));
        Assert.Contains($"name=\"terms[Categories.Terms]\" value=\"{economy.Id}\"", form, StringComparison.Ordinal);
        Assert.Matches(new Regex("class=\"term-depth-1\">\\s*<input[^>]+value=\"" + economy.Id + "\"[^>]*/> Kinh tế"), form);
        Assert.Contains("data-media-list-add=\"f-Attachments-Items\"", form, StringComparison.Ordinal);

        var bad = await PostAsync(client, create, new()
        {
            ["v[TitlePart.Title]"] = "Báo cáo quý",
            ["term-picker[Categories.Terms]"] = "1",
            ["v[Attachments.Items]"] = "https://evil.example/x.pdf | Tệp lạ",
            ["command"] = "save",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Tệp đính kèm”: đường dẫn tệp không hợp lệ.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await client.PostAsync(new Uri(create, UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", PortalAppTestExtensions.AntiforgeryToken(form)),
            new("v[TitlePart.Title]", "Báo cáo quý"),
            new("term-picker[Categories.Terms]", "1"),
            new("terms[Categories.Terms]", economy.Id),
            new("terms[Categories.Terms]", news.Id),
            new("terms[Categories.Terms]", "not-a-term"),
            new("v[Attachments.Items]", "/media/bao-cao.pdf | | Báo cáo quý I | m1\n/media/anh.jpg | Ảnh hội nghị"),
            new("command", "save"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Regex.Match(saved.Headers.Location!.OriginalString, "/admin/contents/([0-9a-f]{32})/edit").Groups[1].Value;
        var item = await App.InTenantAsync(site, sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest));
        Assert.Equal([(news.Id, "Tin tức"), (economy.Id, "Kinh tế")], item!.Field<TaxonomyField>("Categories")!.Terms.Select(t => (t.Id, t.Name)));
        Assert.Equal(
            [("/media/bao-cao.pdf", null, "Báo cáo quý I", "m1"), ("/media/anh.jpg", "Ảnh hội nghị", null, null)],
            item!.Field<MediaListField>("Attachments")!.Items.Select(i => (i.Path, i.Alt, i.Name, i.MediaId)));

        // The edit page ticks the stored terms and shows the files again.
        var edit = await client.GetStringAsync(new Uri($"/admin/contents/{id}/edit", UriKind.Relative));
        Assert.Matches(new Regex("value=\"" + economy.Id + "\" checked=\"checked\""), edit);
        Assert.Contains("/media/bao-cao.pdf |  | Báo cáo quý I | m1", edit, StringComparison.Ordinal);

        // The server's autosave keeps the ticked terms too (lines id|name), offered back when the page opens again.
        var autosave = await client.PostAsync(new Uri($"/admin/contents/{id}/edit?handler=Autosave", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", PortalAppTestExtensions.AntiforgeryToken(edit)),
            new("v[TitlePart.Title]", "Báo cáo quý (đang sửa)"),
            new("term-picker[Categories.Terms]", "1"),
            new("terms[Categories.Terms]", news.Id),
        ]));
        Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
        var reopened = await client.GetStringAsync(new Uri($"/admin/contents/{id}/edit", UriKind.Relative));
        var offered = Regex.Match(reopened, "<script type=\"application/json\" id=\"autosave-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(news.Id + "|Tin tức", JsonNode.Parse(offered)!["values"]!["Categories.Terms"]!.GetValue<string>());
    }

    private Task<HttpClient> SignedInAsync(TenantDescriptor site, string role, string user) => App.SignedInWithRoleAsync(site, role, user, Password);

    // Every admin page carries an antiforgery token (the sign-out form of the layout).
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, Dictionary<string, string> fields)
    {
        var html = await (await client.GetAsync(new Uri("/admin", UriKind.Relative))).Content.ReadAsStringAsync();
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = PortalAppTestExtensions.AntiforgeryToken(html) }));
    }

    private static async Task AssertRefusedAsync(HttpClient client, string action, Dictionary<string, string> fields, string message)
    {
        var response = await PostAsync(client, action, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<TaxonomyTermInfo?> TermAsync(TenantDescriptor site, string taxonomy, string slug) =>
        App.InTenantAsync(site, sp => sp.GetRequiredService<ITaxonomyService>().FindBySlugAsync(taxonomy, slug));

    private Task<IReadOnlyList<TaxonomyTermInfo>> TermsAsync(TenantDescriptor site, string taxonomy) =>
        App.InTenantAsync(site, sp => sp.GetRequiredService<ITaxonomyService>().GetTermsAsync(taxonomy));

    private Task<List<AuditEntry>> TrailAsync(TenantDescriptor site, string prefix) =>
        App.InTenantAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action.StartsWith(prefix)).OrderBy(e => e.Sequence).ToListAsync());

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];
}

public sealed class SqliteTaxonomyAndMenuAdminTests(SqliteAppFactory app) : TaxonomyAndMenuAdminTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresTaxonomyAndMenuAdminTests(PostgresAppFactory app) : TaxonomyAndMenuAdminTests<PostgresAppFactory>(app);
