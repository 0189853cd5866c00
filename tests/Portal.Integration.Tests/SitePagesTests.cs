using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Models;
using Portal.Modules.Taxonomies.Abstractions;
using Portal.Modules.Taxonomies.Services;

namespace Portal.Integration.Tests;

/// <summary>
/// The public sites through HTTP: items created and published through the content manager show on
/// their pages (by type), drafts and other tenants' items never do, lists page, bad input is 404.
/// Content types are defined here as the recipes of issue 8 define them (CONTRACT8.md).
/// </summary>
public abstract class SitePagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    protected TFactory App { get; } = app;

    [ProviderFact]
    public async Task EachContentType_PublishedThroughTheContentManager_ShowsOnItsPublicPage_WithoutCookies()
    {
        var site = await NewSiteAsync("Sở Trang công khai");
        var category = await AddTermAsync(site, "Tin tức - Sự kiện", "tin-tuc-su-kien");
        var article = await CreateAsync(site, "Article", "Hội nghị tổng kết năm 2025", publish: true, i => i
            .ApplyField("Summary", new TextField { Text = "Sapo của hội nghị tổng kết." })
            .ApplyField("Source", new TextField { Text = "Văn phòng Sở" })
            .ApplyField("ImageCaption", new TextField { Text = "Quang cảnh hội nghị" })
            .ApplyField("Image", new MediaField { Path = "/media/hoi-nghi.jpg", Alt = "Hội trường" })
            .ApplyField("Featured", new BooleanField { Value = true })
            .ApplyField("Categories", new TaxonomyField { Terms = [new TaxonomyTerm { Id = category, Name = "Tin tức - Sự kiện" }] })
            .Apply(new BodyPart { Html = "<p>Nội dung <strong>hội nghị</strong>.</p>" }));
        Assert.Equal("tin-tuc/hoi-nghi-tong-ket-nam-2025", article.As<RoutePart>()!.Path);
        await CreateAsync(site, "Announcement", "Thông báo tuyển dụng công chức", publish: true);
        await CreateAsync(site, "Page", "Giới thiệu chung", publish: true, i => i.Apply(new BodyPart { Html = "<p>Lịch sử hình thành.</p>" }));
        await CreateAsync(site, "Leader", "Nguyễn Văn An", publish: true, i => i
            .ApplyField("Position", new TextField { Text = "Giám đốc Sở" })
            .ApplyField("Order", new NumberField { Value = 1 }));
        await CreateAsync(site, "WorkSchedule", "Lịch làm việc tuần 49 năm 2026", publish: true, i => i
            .ApplyField("WeekStart", new DateField { Value = new DateOnly(2026, 11, 30) })
            .Apply(new BodyPart { Html = "<p>Thứ Hai: giao ban đầu tuần.</p>" }));
        await CreateAsync(site, "Contact", "Văn phòng Sở", publish: true, i => i
            .ApplyField("Phone", new TextField { Text = "0208 3851 234" })
            .ApplyField("Group", new TextField { Text = "Lãnh đạo và văn phòng" }));
        await CreateAsync(site, "Link", "Cổng Dịch vụ công Quốc gia", publish: true, i => i
            .ApplyField("Url", new LinkField { Url = "https://dichvucong.gov.vn" })
            .ApplyField("Group", new TextField { Text = "Cơ quan nhà nước" }));
        await CreateAsync(site, "Album", "Ảnh hội nghị", publish: true);
        await CreateAsync(site, "Video", "Phóng sự một năm nhìn lại", publish: true);

        using var client = App.ClientFor(PortalAppFactory.HostOf(site.Name));
        var expectations = new (string Path, string[] Texts)[]
        {
            ("/", ["Hội nghị tổng kết năm 2025", "Thông báo tuyển dụng công chức", "Cổng Dịch vụ công Quốc gia"]),
            ("/tin-tuc", ["Hội nghị tổng kết năm 2025", "Sapo của hội nghị tổng kết."]),
            ("/chuyen-muc/tin-tuc-su-kien", ["Hội nghị tổng kết năm 2025"]),
            ("/tin-tuc/hoi-nghi-tong-ket-nam-2025", ["Sapo của hội nghị tổng kết.", "<strong>hội nghị</strong>", "Văn phòng Sở", "Quang cảnh hội nghị",
                "Tin tức - Sự kiện", "In trang", "Chia sẻ Facebook", "Chia sẻ Zalo", "og:type\" content=\"article\""]),
            ("/ban-in/tin-tuc/hoi-nghi-tong-ket-nam-2025", ["Hội nghị tổng kết năm 2025", "<strong>hội nghị</strong>"]),
            ("/thong-bao", ["Thông báo tuyển dụng công chức"]),
            ("/thong-bao/thong-bao-tuyen-dung-cong-chuc", ["Thông báo tuyển dụng công chức"]),
            ("/gioi-thieu-chung", ["Lịch sử hình thành."]),
            ("/lanh-dao", ["Nguyễn Văn An", "Giám đốc Sở"]),
            ("/lanh-dao/nguyen-van-an", ["Nguyễn Văn An", "Giám đốc Sở"]),
            ("/lich-lam-viec?tuan=2026-W49", ["Thứ Hai: giao ban đầu tuần.", "2026-W48", "2026-W50"]),
            ("/danh-ba", ["Văn phòng Sở", "0208 3851 234", "Lãnh đạo và văn phòng"]),
            ("/lien-ket", ["Cổng Dịch vụ công Quốc gia", "https://dichvucong.gov.vn"]),
            ("/thu-vien-anh", ["Ảnh hội nghị"]),
            ("/thu-vien-anh/anh-hoi-nghi", ["Ảnh hội nghị"]),
            ("/video", ["Phóng sự một năm nhìn lại"]),
            ("/video/phong-su-mot-nam-nhin-lai", ["Phóng sự một năm nhìn lại"]),
        };
        foreach (var (path, texts) in expectations)
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.All(texts, text => Assert.True(html.Contains(text, StringComparison.Ordinal), $"{path} lacks '{text}'"));
            Assert.Contains("<html lang=\"vi\"", html, StringComparison.Ordinal);
            Assert.Contains("<link rel=\"canonical\" href=\"https://", html, StringComparison.Ordinal);
            Assert.Equal(!path.StartsWith("/ban-in/", StringComparison.Ordinal), html.Contains("property=\"og:title\"", StringComparison.Ordinal));
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie");
        }

        var articleHtml = await client.GetStringAsync("/tin-tuc/hoi-nghi-tong-ket-nam-2025");
        Assert.Contains($"href=\"https://{PortalAppFactory.HostOf(site.Name)}/tin-tuc/hoi-nghi-tong-ket-nam-2025\"", articleHtml, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image\" content=\"https://" + PortalAppFactory.HostOf(site.Name) + "/media/hoi-nghi.jpg\"", articleHtml, StringComparison.Ordinal);
        // The publication time in Vietnam's time, dd/MM/yyyy HH:mm.
        Assert.Matches(@"Ngày đăng: <time datetime=""[^""]+"">\d{2}/\d{2}/\d{4} \d{2}:\d{2}</time>", articleHtml);
    }

    [ProviderFact]
    public async Task ADraft_NeverShows_AndAPublishedItemsNewDraft_LeavesThePublishedVersionOnLine()
    {
        var site = await NewSiteAsync("Sở Bản nháp");
        await CreateAsync(site, "Article", "Bản nháp chưa duyệt", publish: false);
        var published = await CreateAsync(site, "Article", "Tin đã duyệt", publish: true);
        await App.InTenantAsync(site, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var latest = await contents.GetAsync(published.ContentItemId, VersionOptions.Latest);
            latest!.DisplayText = "Tiêu đề nháp mới";
            latest.Apply(new TitlePart { Title = "Tiêu đề nháp mới" });
            return await contents.SaveDraftAsync(latest);
        });

        using var client = App.ClientFor(PortalAppFactory.HostOf(site.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tin-tuc/ban-nhap-chua-duyet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ban-in/tin-tuc/ban-nhap-chua-duyet")).StatusCode);
        foreach (var path in new[] { "/", "/tin-tuc" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotContain("Bản nháp chưa duyệt", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Tiêu đề nháp mới", html, StringComparison.Ordinal);
            Assert.Contains("Tin đã duyệt", html, StringComparison.Ordinal);
        }

        // The themed preview of a draft is for signed-in editors only.
        var preview = await client.GetAsync($"/admin/site/preview/{published.ContentItemId}");
        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        Assert.Contains("/admin/login", preview.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var page = await client.GetStringAsync("/tin-tuc/tin-da-duyet");
        Assert.Contains("Tin đã duyệt", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tiêu đề nháp mới", page, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task ACategory_ListsItsAndItsSubcategoriesItems_ByPage_AndBadPagesAndSlugsAre404()
    {
        var site = await NewSiteAsync("Sở Chuyên mục");
        var parent = await AddTermAsync(site, "Kinh tế", "kinh-te");
        var child = await AddTermAsync(site, "Nông nghiệp", "nong-nghiep", parent);
        var other = await AddTermAsync(site, "Văn hoá", "van-hoa");
        for (var n = 1; n <= 13; n++)
        {
            await CreateAsync(site, "Article", $"Tin nông nghiệp số {n:D2}", publish: true, i => InCategory(i, child));
        }

        await CreateAsync(site, "Article", "Tin kinh tế chung", publish: true, i => InCategory(i, parent));
        await CreateAsync(site, "Article", "Tin văn hoá riêng", publish: true, i => InCategory(i, other));

        using var client = App.ClientFor(PortalAppFactory.HostOf(site.Name));
        var first = await client.GetStringAsync("/chuyen-muc/kinh-te");
        var second = await client.GetStringAsync("/chuyen-muc/kinh-te?page=2");
        var all = first + second;
        Assert.Contains("Tin kinh tế chung", first, StringComparison.Ordinal); // newest first
        Assert.Equal(14, Enumerable.Range(1, 13).Count(n => all.Contains($"Tin nông nghiệp số {n:D2}", StringComparison.Ordinal)) + (all.Contains("Tin kinh tế chung", StringComparison.Ordinal) ? 1 : 0));
        Assert.Equal(12, CountItems(first));
        Assert.Equal(2, CountItems(second));
        Assert.DoesNotContain("Tin văn hoá riêng", all, StringComparison.Ordinal);
        Assert.Contains("?page=2", first, StringComparison.Ordinal);

        var leaf = await client.GetStringAsync("/chuyen-muc/nong-nghiep");
        Assert.DoesNotContain("Tin kinh tế chung", leaf, StringComparison.Ordinal);

        // A page past the end shows the last page; not a number, zero or negative is 404; so is an unknown category.
        Assert.Equal(2, CountItems(await client.GetStringAsync("/chuyen-muc/kinh-te?page=99")));
        foreach (var bad in new[] { "/chuyen-muc/kinh-te?page=abc", "/chuyen-muc/kinh-te?page=0", "/chuyen-muc/kinh-te?page=-1",
                     "/chuyen-muc/kinh-te?page=99999999999999", "/tin-tuc?page=x", "/chuyen-muc/khong-co", "/tin-tuc/khong-ton-tai",
                     "/lich-lam-viec?tuan=2026-W60", "/lich-lam-viec?tuan=abc", "/don-vi" })
        {
            var response = await client.GetAsync(bad);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{bad}: {(int)response.StatusCode}");
        }
    }

    [ProviderFact]
    public async Task AnotherTenantsItem_Is404_AndTitlesMakeUniquePathsPerTenant()
    {
        var first = await NewSiteAsync("Sở Thứ nhất");
        var second = await NewSiteAsync("Sở Thứ hai");
        var a = await CreateAsync(first, "Article", "Tin riêng của sở", publish: true);
        var b = await CreateAsync(first, "Article", "Tin riêng của sở", publish: true);
        var c = await CreateAsync(second, "Article", "Tin của sở thứ hai", publish: true);
        Assert.Equal("tin-tuc/tin-rieng-cua-so", a.As<RoutePart>()!.Path);
        Assert.Equal("tin-tuc/tin-rieng-cua-so-2", b.As<RoutePart>()!.Path);

        using var client = App.ClientFor(PortalAppFactory.HostOf(second.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tin-tuc/tin-rieng-cua-so")).StatusCode);
        Assert.DoesNotContain("Tin riêng của sở", await client.GetStringAsync("/tin-tuc"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/" + c.As<RoutePart>()!.Path)).StatusCode);
    }

    [ProviderFact]
    public async Task ThePortalHome_ListsEveryComponentSite_WithItsAddress()
    {
        var site = await NewSiteAsync("Sở Danh mục đơn vị");
        using var client = App.ClientFor(PortalAppFactory.BaseDomain);
        foreach (var path in new[] { "/", "/don-vi" })
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains(site.DisplayName, html, StringComparison.Ordinal);
            Assert.Contains($"href=\"https://{PortalAppFactory.HostOf(site.Name)}/\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Tin từ các đơn vị", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task SiteSettings_ShowInTheLayout_AndTheEmcScriptIsAllowedForThatTenantOnly()
    {
        var site = await NewSiteAsync("Sở Cài đặt trang");
        var other = await NewSiteAsync("Sở Không EMC");
        var result = await App.InTenantAsync(site, sp => sp.GetRequiredService<ITenantSettings>().SaveAsync(new SiteSettings
        {
            GoverningAgency = "Ủy ban nhân dân tỉnh Thái Nguyên",
            ResponsiblePerson = "Trần Thị Bình",
            License = "Giấy phép số 12/GP-TTĐT",
            EmcSiteId = "tn-123",
            FacebookUrl = "https://facebook.com/so",
        }));
        Assert.True(result.Succeeded);
        var refused = await App.InTenantAsync(site, sp => sp.GetRequiredService<ITenantSettings>().SaveAsync(new SiteSettings { FacebookUrl = "javascript:alert(1)" }));
        Assert.False(refused.Succeeded);

        using var client = App.ClientFor(PortalAppFactory.HostOf(site.Name));
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ủy ban nhân dân tỉnh Thái Nguyên", html, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình", html, StringComparison.Ordinal);
        Assert.Contains("Giấy phép số 12/GP-TTĐT", html, StringComparison.Ordinal);
        Assert.Contains("https://facebook.com/so", html, StringComparison.Ordinal);
        Assert.Contains("tn-123", html, StringComparison.Ordinal);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' https://", csp, StringComparison.Ordinal);

        using var otherClient = App.ClientFor(PortalAppFactory.HostOf(other.Name));
        var otherCsp = string.Join(" ", (await otherClient.GetAsync("/")).Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", otherCsp, StringComparison.Ordinal);
        using var admin = App.ClientFor(PortalAppFactory.HostOf(site.Name));
        var adminCsp = string.Join(" ", (await admin.GetAsync("/admin/login")).Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", adminCsp, StringComparison.Ordinal);
    }

    private static int CountItems(string html) =>
        html.Split("<ul class=\"item-list\">", StringSplitOptions.None) is { Length: > 1 } parts
            ? parts[1].Split("</ul>")[0].Split("<li>").Length - 1
            : 0;

    private static ContentItem InCategory(ContentItem item, string termId) =>
        item.ApplyField("Categories", new TaxonomyField { Terms = [new TaxonomyTerm { Id = termId, Name = termId }] });

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private async Task<TenantDescriptor> NewSiteAsync(string name)
    {
        var site = await App.CreateTenantAsync($"{name} {Suffix()}");
        await App.InTenantAsync(site, async sp =>
        {
            var store = sp.GetRequiredService<IContentDefinitionStore>();
            foreach (var (type, display, parts, fields) in Types)
            {
                await store.SaveAsync(type, display, Settings(parts, fields));
            }

            var editor = sp.GetRequiredService<TaxonomyEditor>();
            if (await editor.FindTaxonomyAsync(TaxonomyNames.Categories) is null)
            {
                Assert.Empty(await editor.SaveTaxonomyAsync(TaxonomyNames.Categories, "Chuyên mục"));
            }

            return true;
        });
        return site;
    }

    private Task<string> AddTermAsync(TenantDescriptor site, string name, string slug, string? parent = null) =>
        App.InTenantAsync(site, async sp =>
        {
            var result = await sp.GetRequiredService<TaxonomyEditor>().AddTermAsync(TaxonomyNames.Categories, new TermInput(name, slug, ParentId: parent));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            return result.Term!.Id;
        });

    private Task<ContentItem> CreateAsync(TenantDescriptor site, string type, string title, bool publish, Func<ContentItem, ContentItem>? fill = null) =>
        App.InTenantAsync(site, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await contents.NewAsync(type);
            item.DisplayText = title;
            item.Apply(new TitlePart { Title = title });
            item = fill?.Invoke(item) ?? item;
            return await contents.CreateAsync(item, publish);
        });

    private static JsonObject Settings(string[] parts, (string Name, string Type)[] fields) => new()
    {
        ["parts"] = new JsonArray([.. parts.Select(p => (JsonNode)p)]),
        ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["type"] = f.Type,
            ["displayName"] = f.Name,
            ["settings"] = f.Type == ContentFieldTypes.Taxonomy ? new JsonObject { ["taxonomy"] = TaxonomyNames.Categories } : null,
        })]),
    };

    private static readonly string[] Routed = ["TitlePart", "BodyPart", "RoutePart"];

    private static readonly (string Type, string Display, string[] Parts, (string, string)[] Fields)[] Types =
    [
        ("Article", "Tin bài", Routed, [("Summary", "Text"), ("Image", "Media"), ("ImageCaption", "Text"), ("Categories", "Taxonomy"),
            ("Source", "Text"), ("Related", "ContentPicker"), ("Featured", "Boolean")]),
        ("Announcement", "Thông báo", Routed, [("Summary", "Text")]),
        ("Page", "Trang", Routed, []),
        ("Leader", "Lãnh đạo", Routed, [("Photo", "Media"), ("Position", "Text"), ("Responsibilities", "Html"), ("Phone", "Text"), ("Email", "Text"), ("Order", "Number")]),
        ("WorkSchedule", "Lịch làm việc", Routed, [("WeekStart", "Date")]),
        ("Contact", "Danh bạ", ["TitlePart"], [("Position", "Text"), ("Address", "Text"), ("Phone", "Text"), ("Fax", "Text"), ("Email", "Text"), ("Group", "Text"), ("Order", "Number")]),
        ("Link", "Liên kết", ["TitlePart"], [("Url", "Link"), ("Group", "Text"), ("Order", "Number")]),
        ("Album", "Album ảnh", Routed, [("Cover", "Media")]),
        ("Video", "Video", Routed, [("VideoUrl", "Link"), ("Poster", "Media"), ("Summary", "Text")]),
    ];
}

public sealed class SqliteSitePagesTests(SqliteAppFactory app) : SitePagesTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresSitePagesTests(PostgresAppFactory app) : SitePagesTests<PostgresAppFactory>(app);
