using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Portal.Web.Hosting;

/// <summary>
/// Brotli and gzip for text (pages, feeds, CSS, JS, SVG) when the portal answers browsers itself
/// (the embedded default; behind nginx the proxy's own compression finds the work done). Fastest
/// level: a page rendered per request is compressed per request. Cached public pages carry their
/// compressed forms, made once (<c>PublicCacheMiddleware</c>), and pass through untouched. Not for
/// /admin: its pages hold antiforgery tokens next to what the user typed (BREACH).
/// </summary>
public static class Compression
{
    public static IServiceCollection AddPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/rss+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UsePortalCompression(this IApplicationBuilder app) =>
        app.UseWhen(static context => !context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase),
            static branch => branch.UseResponseCompression());
}
