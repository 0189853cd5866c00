using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Themes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.PublicCache.Models;
using Portal.Modules.PublicCache.Services;
using Portal.Modules.Site.Models;

namespace Portal.Integration.Tests;

/// <summary>
/// The output cache of public pages and the visit counter, through the real app: a page is
/// rendered once and then served from memory per tenant; content changes and settings saves evict
/// the tenant (and only it), an eviction recorded by another node reaches this one through the
/// database; signed-in requests and the admin are never cached; visits count cached hits too and
/// add up in the database.
/// </summary>
public abstract class PublicCacheTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    [ProviderFact]
    public async Task AnonymousPage_IsRenderedOnce_ThenServedFromMemory_PerQuery()
    {
        using var client = app.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        var first = await GetAsync(client, "/");
        var second = await GetAsync(client, "/");
        Assert.Equal("MISS", first.Cache);
        Assert.Equal("HIT", second.Cache);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal("MISS", (await GetAsync(client, "/?trang=2")).Cache);

        // Another tenant's home is its own page, never the first tenant's copy.
        using var other = app.ClientFor(PortalAppFactory.HostOf("phandinhphung"));
        var otherPage = await GetAsync(other, "/");
        Assert.Equal("MISS", otherPage.Cache);
        Assert.NotEqual(first.Body, otherPage.Body);
    }

    [ProviderFact]
    public async Task BrowsersGetCompressedPages_MissOrHit_WithTheSameContent_AndTheAdminIsNeverCompressed()
    {
        using var plain = app.ClientFor(PortalAppFactory.HostOf("sokhoahoccongnghe"));
        var expected = (await GetAsync(plain, "/lien-ket")).Body;
        foreach (var (coding, round) in new[] { ("br", "HIT"), ("gzip", "HIT") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/lien-ket");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
            using var response = await plain.SendAsync(request);
            Assert.Equal(round, response.Headers.GetValues("X-Cache").Single());
            Assert.Equal(coding, response.Content.Headers.ContentEncoding.Single());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            Stream decoded = coding == "br"
                ? new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)
                : new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(decoded);
            Assert.Equal(expected, await reader.ReadToEndAsync());
        }

        // A page rendered for the request (a query string never seen) is compressed on the way out.
        using var miss = new HttpRequestMessage(HttpMethod.Get, "/lien-ket?lan=1");
        miss.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var missed = await plain.SendAsync(miss);
        Assert.Equal("MISS", missed.Headers.GetValues("X-Cache").Single());
        Assert.Equal("gzip", missed.Content.Headers.ContentEncoding.Single());

        using var admin = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        admin.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var adminResponse = await plain.SendAsync(admin);
        Assert.Empty(adminResponse.Content.Headers.ContentEncoding);
    }

    [ProviderFact]
    public async Task PublishEditUnpublish_EachEvictTheTenant_AndNoOtherTenant()
    {
        var science = app.Tenant("sokhoahoccongnghe");
        using var client = app.ClientFor(PortalAppFactory.HostOf(science.Name));
        using var bystander = app.ClientFor(PortalAppFactory.HostOf("phandinhphung"));
        await WarmAsync(client);
        await WarmAsync(bystander);

        var item = await app.InTenantAsync(science, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var page = await contents.NewAsync("Page");
            page.DisplayText = "Giới thiệu bộ nhớ đệm";
            page.Data = PageData("Giới thiệu bộ nhớ đệm", "gioi-thieu-bo-nho-dem");
            return await contents.CreateAsync(page, publish: true);
        });
        Assert.Equal("MISS", (await GetAsync(client, "/")).Cache);
        Assert.Equal("HIT", (await GetAsync(bystander, "/")).Cache);

        await WarmAsync(client);
        await app.InTenantAsync(science, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var latest = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.Data = PageData("Giới thiệu bộ nhớ đệm (sửa)", "gioi-thieu-bo-nho-dem");
            return await contents.UpdateAsync(latest, publish: true);
        });
        Assert.Equal("MISS", (await GetAsync(client, "/")).Cache);

        await WarmAsync(client);
        await app.InTenantAsync(science, sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(item.ContentItemId));
        Assert.Equal("MISS", (await GetAsync(client, "/")).Cache);
        Assert.Equal("HIT", (await GetAsync(bystander, "/")).Cache);
    }

    [ProviderFact]
    public async Task SiteSettingsSave_EvictsTheTenant()
    {
        var tenant = app.Tenant("sogiaoducdaotao");
        using var client = app.ClientFor(PortalAppFactory.HostOf(tenant.Name));
        await WarmAsync(client);
        var result = await app.InTenantAsync(tenant, sp =>
            sp.GetRequiredService<ITenantSettings>().SaveAsync(new SiteSettings { Slogan = "Minh bạch, phục vụ" }));
        Assert.True(result.Succeeded);
        Assert.Equal("MISS", (await GetAsync(client, "/")).Cache);
    }

    [ProviderFact]
    public async Task EvictionRecordedByAnotherNode_ReachesThisNode_ThroughTheDatabase()
    {
        var tenant = app.Tenant("trungtamthongtin");
        using var client = app.ClientFor(PortalAppFactory.HostOf(tenant.Name));
        var cache = app.Services.GetRequiredService<PublicPageCache>();
        await cache.PollAsync();
        await WarmAsync(client);

        // What another node's eviction leaves in the shared database: the tenant's generation moved.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var changed = DateTime.UtcNow;
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "PublicCacheGenerations" ("TenantId", "Generation", "ChangedUtc") VALUES ({tenant.Id}, 1, {changed})
                ON CONFLICT ("TenantId") DO UPDATE SET "Generation" = "PublicCacheGenerations"."Generation" + 1, "ChangedUtc" = excluded."ChangedUtc"
                """);
        }

        await cache.PollAsync();
        Assert.Equal("MISS", (await GetAsync(client, "/")).Cache);
        Assert.Equal("HIT", (await GetAsync(client, "/")).Cache);
    }

    [ProviderFact]
    public async Task SignedInRequests_AndTheAdmin_AreNeverCached()
    {
        using var withCookie = app.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        withCookie.DefaultRequestHeaders.Add("Cookie", "__Host-portal=khong-hop-le");
        for (var i = 0; i < 2; i++)
        {
            Assert.Null((await GetAsync(withCookie, "/")).Cache);
        }

        using var admin = app.ClientFor(PortalAppFactory.BaseDomain);
        await app.SignInAsProvinceAdminAsync(admin);
        for (var i = 0; i < 2; i++)
        {
            Assert.Null((await GetAsync(admin, "/")).Cache);
            var adminPage = await admin.GetAsync(new Uri("/admin", UriKind.Relative));
            Assert.False(adminPage.Headers.Contains("X-Cache"));
        }

        using var anonymous = app.ClientFor(PortalAppFactory.BaseDomain);
        var signIn = await anonymous.GetAsync(new Uri("/admin/login", UriKind.Relative));
        Assert.False(signIn.Headers.Contains("X-Cache"));
    }

    [ProviderFact]
    public async Task Visits_CountCachedHitsToo_AndAddUpInTheDatabase()
    {
        var tenant = await app.CreateTenantAsync("Ban Quản lý bộ đếm");
        using var client = app.ClientFor(PortalAppFactory.HostOf(tenant.Name));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        }

        var figures = await VisitsAsync(client);
        Assert.Equal((1, 3, 3), figures);

        await app.Services.GetRequiredService<VisitStore>().FlushAsync(CancellationToken.None);
        var stored = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PortalDbContext>().Set<VisitDay>().SumAsync(d => d.Count));
        Assert.Equal(3, stored);
        Assert.Equal((1, 3, 3), await VisitsAsync(client));

        // The footer widget renders the same figures, with the API it refreshes from.
        var html = await app.InTenantAsync(tenant, async sp =>
        {
            var widget = sp.GetServices<IPublicZoneWidget>().Single(w => w is VisitCounterWidget);
            var context = new DefaultHttpContext { RequestServices = sp };
            return (await widget.RenderAsync(context))!.ToString()!;
        });
        Assert.Contains("Hôm nay: <strong data-visits=\"today\">3</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Tổng lượt truy cập", html, StringComparison.Ordinal);
        Assert.Contains("data-visits-url=\"/api/visits\"", html, StringComparison.Ordinal);
    }

    private static async Task<(long Online, long Today, long Total)> VisitsAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/api/visits", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Cache"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("online").GetInt64(), json.RootElement.GetProperty("today").GetInt64(), json.RootElement.GetProperty("total").GetInt64());
    }

    private static async Task WarmAsync(HttpClient client)
    {
        await GetAsync(client, "/");
        Assert.Equal("HIT", (await GetAsync(client, "/")).Cache);
    }

    private static async Task<(string? Cache, string Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null, await response.Content.ReadAsStringAsync());
    }

    private static System.Text.Json.Nodes.JsonObject PageData(string title, string path) => new()
    {
        [nameof(TitlePart)] = new System.Text.Json.Nodes.JsonObject { [nameof(TitlePart.Title)] = title },
        [nameof(BodyPart)] = new System.Text.Json.Nodes.JsonObject { [nameof(BodyPart.Html)] = "<p>Nội dung</p>" },
        [nameof(RoutePart)] = new System.Text.Json.Nodes.JsonObject { [nameof(RoutePart.Path)] = path },
    };
}

public sealed class SqlitePublicCacheTests(SqliteAppFactory app) : PublicCacheTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresPublicCacheTests(PostgresAppFactory app) : PublicCacheTests<PostgresAppFactory>(app);
