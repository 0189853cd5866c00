using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Integration.Tests;

/// <summary>
/// RSS, sitemap, robots.txt and the public JSON API of the Feeds module through the real app, on
/// the demo sites: only the host's tenant's published items, valid XML, a valid OpenAPI document.
/// Run once per provider.
/// </summary>
public abstract class FeedsTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    private const string Site = "sotaichinh";
    private const string Other = "phandinhphung";
    private const string DraftTitle = "Hướng dẫn biên tập viên đăng tin bài";
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    protected TFactory App { get; } = app;

    private static string Origin(string label) => "https://" + PortalAppFactory.HostOf(label);

    [ProviderFact]
    public async Task Rss_IsValidRss2_ListingOnlyThisSitesPublishedNews_WithAbsoluteLinksAndVietnamTime()
    {
        var other = await PublishArticleAsync(Other, "Tin riêng của phường " + Guid.NewGuid().ToString("N")[..8]);

        using var response = await Client(Site).GetAsync(new Uri("/rss", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", rss.Root!.Attribute("version")?.Value);
        var items = rss.Root.Element("channel")!.Elements("item").ToList();
        var titles = items.Select(i => i.Element("title")!.Value).ToList();
        Assert.Contains("Sở Tài chính ra mắt trang thông tin điện tử", titles);
        Assert.DoesNotContain(DraftTitle, titles);
        Assert.DoesNotContain(other.Title, titles);
        Assert.All(items, i => Assert.StartsWith(Origin(Site) + "/tin-tuc/", i.Element("link")!.Value, StringComparison.Ordinal));
        Assert.All(items, i => Assert.EndsWith(" +0700", i.Element("pubDate")!.Value, StringComparison.Ordinal));
        Assert.Equal(await PublishedTitlesAsync(Site, "Article"), titles.Order(StringComparer.Ordinal));

        var own = XDocument.Parse(await Client(Other).GetStringAsync(new Uri("/rss", UriKind.Relative)));
        Assert.Contains(own.Root!.Element("channel")!.Elements("item"), i => i.Element("link")!.Value == Origin(Other) + "/" + other.Path);
    }

    [ProviderFact]
    public async Task RssOfACategory_AndTheApisCategoryFilter_ListOnlyThatCategorysNews()
    {
        var client = Client(Site);
        var inCategory = await App.InTenantAsync(App.Tenant(Site), sp => Task.FromResult(
            sp.GetRequiredService<IContentManager>().QueryPublished("Article").AsEnumerable()
                .Where(i => i.Field<TaxonomyField>("Categories")?.Terms.Any(t => t.Name == "Chuyển đổi số") == true)
                .Select(i => i.DisplayText).Order(StringComparer.Ordinal).ToList()));
        Assert.NotEmpty(inCategory);

        var rss = XDocument.Parse(await client.GetStringAsync(new Uri("/rss/chuyen-doi-so", UriKind.Relative)));
        var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/contents?category=chuyen-doi-so&pageSize=100", UriKind.Relative)));

        var channel = rss.Root!.Element("channel")!;
        Assert.Equal("Chuyển đổi số - Sở Tài chính", channel.Element("title")!.Value);
        Assert.Equal(Origin(Site) + "/chuyen-muc/chuyen-doi-so", channel.Element("link")!.Value);
        Assert.Equal(inCategory, channel.Elements("item").Select(i => i.Element("title")!.Value).Order(StringComparer.Ordinal));
        Assert.Equal(inCategory, api.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).Order(StringComparer.Ordinal));
    }

    [ProviderFact]
    public async Task ApiItem_NamesItsCategoriesAndTags_WithTheirPages()
    {
        using var item = JsonDocument.Parse(await Client(Site).GetStringAsync(new Uri("/api/v1/contents/by-path/tin-tuc/ra-mat-trang-thong-tin", UriKind.Relative)));

        var categories = item.RootElement.GetProperty("categories").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("slug").GetString(), c.GetProperty("url").GetString())).ToList();
        Assert.Contains(("Tin hoạt động", "tin-hoat-dong", Origin(Site) + "/chuyen-muc/tin-hoat-dong"), categories);
        Assert.Equal("Chuyển đổi số", Assert.Single(item.RootElement.GetProperty("tags").EnumerateArray()).GetProperty("name").GetString());
        Assert.Matches(@"\+07:00$", item.RootElement.GetProperty("publishedAt").GetString());
    }

    [ProviderFact]
    public async Task RssOfAnUnknownCategory_Is404()
    {
        using var response = await Client(Site).GetAsync(new Uri("/rss/khong-co-chuyen-muc-nay", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [ProviderFact]
    public async Task Sitemap_IsValid_ListingHomeAndThisSitesPublishedPagesOnly()
    {
        var other = await PublishArticleAsync(Other, "Tin sơ đồ trang " + Guid.NewGuid().ToString("N")[..8]);

        using var response = await Client(Site).GetAsync(new Uri("/sitemap.xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(SitemapNs + "urlset", sitemap.Root!.Name);
        var locations = sitemap.Root.Elements(SitemapNs + "url").Select(u => u.Element(SitemapNs + "loc")!.Value).ToList();
        Assert.Contains(Origin(Site) + "/", locations);
        Assert.Contains(Origin(Site) + "/gioi-thieu", locations);
        Assert.Contains(Origin(Site) + "/tin-tuc/ra-mat-trang-thong-tin", locations);
        Assert.All(locations, l => Assert.StartsWith(Origin(Site) + "/", l, StringComparison.Ordinal));
        Assert.DoesNotContain(locations, l => l.Contains("huong-dan", StringComparison.Ordinal));
        Assert.DoesNotContain(locations, l => l.EndsWith(other.Path, StringComparison.Ordinal));
        Assert.All(sitemap.Root.Elements(SitemapNs + "url").Skip(1).Where(u => u.Element(SitemapNs + "loc")!.Value.Contains("/tin-tuc/", StringComparison.Ordinal)),
            u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$", u.Element(SitemapNs + "lastmod")!.Value));
    }

    [ProviderFact]
    public async Task Robots_AllowsAll_ExceptTheAdmin_AndNamesTheSitemap()
    {
        var robots = await Client(Site).GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Equal($"User-agent: *\nAllow: /\nDisallow: /admin\nSitemap: {Origin(Site)}/sitemap.xml\n", robots);
    }

    [ProviderFact]
    public async Task ApiList_ReturnsOnlyThisSitesPublishedItems_ForAnyOrigin()
    {
        await PublishArticleAsync(Other, "Tin API của phường " + Guid.NewGuid().ToString("N")[..8]);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/contents?type=article&pageSize=100", UriKind.Relative));
        request.Headers.Add("Origin", "https://dulieu.example.gov.vn");

        using var response = await Client(Site).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(await PublishedTitlesAsync(Site, "Article"), items.Select(i => i.GetProperty("title").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(items.Count, json.RootElement.GetProperty("totalCount").GetInt32());
        Assert.All(items, i => Assert.Equal("Article", i.GetProperty("type").GetString()));
        Assert.All(items, i => Assert.StartsWith(Origin(Site) + "/tin-tuc/", i.GetProperty("url").GetString(), StringComparison.Ordinal));
        var launch = items.Single(i => i.GetProperty("path").GetString() == "tin-tuc/ra-mat-trang-thong-tin");
        Assert.StartsWith(Origin(Site) + "/media/", launch.GetProperty("image").GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task ApiItem_ByIdOrPath_IsThePublishedVersion_And404ForADraftOrAnotherSitesItem()
    {
        var client = Client(Site);
        var (pageId, draftId) = await App.InTenantAsync(App.Tenant(Site), async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            return ((await contents.GetByAliasAsync("gioi-thieu"))!.ContentItemId, (await contents.GetByAliasAsync("huong-dan-dang-tin"))!.ContentItemId);
        });
        var other = await PublishArticleAsync(Other, "Tin mã riêng " + Guid.NewGuid().ToString("N")[..8]);

        using var byId = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/contents/{pageId}", UriKind.Relative)));
        Assert.Equal(("Giới thiệu", "Page", Origin(Site) + "/gioi-thieu"),
            (byId.RootElement.GetProperty("title").GetString(), byId.RootElement.GetProperty("type").GetString(), byId.RootElement.GetProperty("url").GetString()));
        Assert.Contains("Sở Tài chính", byId.RootElement.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        using var byPath = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/contents/by-path/gioi-thieu", UriKind.Relative)));
        Assert.Equal(pageId, byPath.RootElement.GetProperty("id").GetString());

        foreach (var path in new[] { $"/api/v1/contents/{draftId}", $"/api/v1/contents/{other.Id}", "/api/v1/contents/by-path/" + other.Path, "/api/v1/contents/by-path/khong-co" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Không tìm thấy nội dung", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [ProviderFact]
    public async Task ApiList_BadPagingOrUnknownType_Is400WithVietnameseProblemDetails()
    {
        foreach (var (query, member) in new[] { ("page=0", "page"), ("page=abc", "page"), ("pageSize=101", "pageSize"), ("pageSize=-5", "pageSize"), ("type=KhongCo", "type"), ("category=khong-co", "category") })
        {
            using var response = await Client(Site).GetAsync(new Uri("/api/v1/contents?" + query, UriKind.Relative));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Tham số không hợp lệ", problem.RootElement.GetProperty("title").GetString());
            var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty(member).EnumerateArray()).GetString()!;
            Assert.Matches("(phải là số nguyên|không tồn tại)", message);
        }
    }

    [ProviderFact]
    public async Task OpenApiDocument_IsValidOpenApi3_DescribingThePublicApiOnly()
    {
        using var response = await Client(Site).GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var read = await OpenApiDocument.LoadAsync(await response.Content.ReadAsStreamAsync(), "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.StartsWith("3.", read.Diagnostic!.SpecificationVersion.ToString().Replace("OpenApi", "", StringComparison.Ordinal).Replace('_', '.'), StringComparison.Ordinal);
        var document = read.Document!;
        Assert.Equal(["/api/v1/contents", "/api/v1/contents/by-path/{path}", "/api/v1/contents/{id}"], document.Paths.Keys.Order(StringComparer.Ordinal));
        Assert.All(document.Paths.Values, p => Assert.Equal([HttpMethod.Get], p.Operations!.Keys));
        Assert.Equal("API dữ liệu công khai", document.Info.Title);
    }

    private HttpClient Client(string label) => App.ClientFor(PortalAppFactory.HostOf(label));

    private Task<List<string>> PublishedTitlesAsync(string label, string type) =>
        App.InTenantAsync(App.Tenant(label), sp => Task.FromResult(
            sp.GetRequiredService<IContentManager>().QueryPublished(type).Select(i => i.DisplayText).AsEnumerable().Order(StringComparer.Ordinal).ToList()));

    private Task<(string Id, string Title, string Path)> PublishArticleAsync(string label, string title) =>
        App.InTenantAsync(App.Tenant(label), async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await contents.NewAsync("Article");
            var path = "tin-tuc/" + Guid.NewGuid().ToString("N")[..12];
            item.DisplayText = title;
            item.Apply(new TitlePart { Title = title }).Apply(new RoutePart { Path = path });
            var saved = await contents.CreateAsync(item, publish: true);
            return (saved.ContentItemId, title, path);
        });
}

public sealed class SqliteFeedsTests(SqliteAppFactory app) : FeedsTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresFeedsTests(PostgresAppFactory app) : FeedsTests<PostgresAppFactory>(app);
