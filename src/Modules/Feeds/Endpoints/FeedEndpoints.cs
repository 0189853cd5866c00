using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Tenancy;
using Portal.Modules.Feeds.Services;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Taxonomies.Abstractions;

namespace Portal.Modules.Feeds.Endpoints;

/// <summary>
/// <c>/rss</c> and <c>/rss/{categorySlug}</c> (RSS 2.0, the newest 50 news), <c>/sitemap.xml</c>
/// and <c>/robots.txt</c> of the host's tenant. Anonymous, cookie-free and cacheable; never listed
/// in the OpenAPI document.
/// </summary>
internal static class FeedEndpoints
{
    public const int RssItemCount = 50;

    /// <summary>A sitemap file holds at most 50,000 addresses (sitemaps.org).</summary>
    public const int SitemapMaxUrls = 50_000;

    private const string CacheControl = "public, max-age=300";

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/rss", (HttpContext context, IPublicContentQuery query, ICurrentTenant tenant, TimeProvider clock) =>
                RssAsync(context, query, tenant, clock, category: null))
            .AllowAnonymous().ExcludeFromDescription().WithName("Rss");
        endpoints.MapGet("/rss/{categorySlug}", async (string categorySlug, HttpContext context, IPublicContentQuery query, ITaxonomyService taxonomies, ICurrentTenant tenant, TimeProvider clock) =>
                await taxonomies.FindBySlugAsync(TaxonomyNames.Categories, categorySlug, context.RequestAborted) is { } category
                    ? await RssAsync(context, query, tenant, clock, category)
                    : TypedResults.NotFound())
            .AllowAnonymous().ExcludeFromDescription().WithName("RssCategory");
        endpoints.MapGet("/sitemap.xml", SitemapAsync).AllowAnonymous().ExcludeFromDescription().WithName("Sitemap");
        endpoints.MapGet("/robots.txt", Robots).AllowAnonymous().ExcludeFromDescription().WithName("Robots");
        return endpoints;
    }

    private static async Task<IResult> RssAsync(HttpContext context, IPublicContentQuery query, ICurrentTenant tenant, TimeProvider clock, TaxonomyTermInfo? category)
    {
        if (tenant.Tenant is not { } site)
        {
            return TypedResults.NotFound();
        }

        var address = SiteAddress.Of(context.Request);
        var items = await query.LatestNewsAsync(category?.Id, RssItemCount, context.RequestAborted);
        var channel = category is null
            ? new RssChannel(site.DisplayName, address.Home, $"Tin tức mới nhất của {site.DisplayName}", address.Page("rss"))
            : new RssChannel($"{category.Name} - {site.DisplayName}", address.Page("chuyen-muc/" + category.Slug),
                $"Tin tức mới nhất chuyên mục {category.Name} của {site.DisplayName}", address.Page("rss/" + category.Slug));
        return Xml(context, FeedWriter.Rss(channel, items, address, clock.GetUtcNow()), "application/rss+xml");
    }

    private static async Task<IResult> SitemapAsync(HttpContext context, IPublicContentQuery query, ITaxonomyService taxonomies, ICurrentTenant tenant)
    {
        if (tenant.Tenant is null)
        {
            return TypedResults.NotFound();
        }

        var categories = await taxonomies.GetTermsAsync(TaxonomyNames.Categories, context.RequestAborted);
        var items = new List<PublicItemSummary>();
        await foreach (var item in query.AllAsync(SitemapMaxUrls - 1 - categories.Count, context.RequestAborted))
        {
            items.Add(item);
        }

        return Xml(context, FeedWriter.Sitemap(items, categories, SiteAddress.Of(context.Request)), "application/xml");
    }

    private static IResult Robots(HttpContext context)
    {
        var sitemap = SiteAddress.Of(context.Request).Page("sitemap.xml");
        var pathBase = context.Request.PathBase.ToUriComponent();
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: ").Append(pathBase).Append("/\n")
            .Append("Disallow: ").Append(pathBase).Append("/admin\n")
            .Append("Sitemap: ").Append(sitemap).Append('\n')
            .ToString();
        context.Response.Headers.CacheControl = CacheControl;
        return TypedResults.Text(text, "text/plain", Encoding.UTF8);
    }

    private static IResult Xml(HttpContext context, byte[] xml, string mediaType)
    {
        context.Response.Headers.CacheControl = CacheControl;
        return TypedResults.Bytes(xml, mediaType + "; charset=utf-8");
    }
}
