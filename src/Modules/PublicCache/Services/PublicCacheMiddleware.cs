using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Portal.Core.Tenancy;

namespace Portal.Modules.PublicCache.Services;

/// <summary>
/// Right after tenant resolution: counts the visit of every public HTML page, then answers an
/// anonymous GET/HEAD of a public page from memory when this tenant's copy is fresh, else lets the
/// page render and keeps a copy of it when it may be shared (200, no cookie set, not marked
/// private or no-store). Keyed by tenant, host, path base, path and query; <c>X-Cache</c> says
/// HIT or MISS and <c>Age</c> how old a served copy is.
/// </summary>
internal sealed class PublicCacheMiddleware(
    RequestDelegate next,
    PublicPageStore store,
    VisitCounter visits,
    IOptionsMonitor<PublicCacheOptions> options)
{
    /// <summary>Never cached nor counted: the admin, the counter's own API, media files (already immutable), module assets, probes.</summary>
    private static readonly PathString[] Excluded =
        [new("/admin"), new("/api/visits"), new("/media"), new("/_content"), new("/health")];

    /// <summary>Names (and prefixes) of the sign-in cookies: a request carrying one is never served from, nor stored into, the cache.</summary>
    private static readonly string[] SignInCookiePrefixes = ["__Host-portal", ".portal", ".AspNetCore.Identity", "Identity."];

    private static readonly string[] NotStoredHeaders =
        [HeaderNames.Date, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Server, HeaderNames.Age, "X-Cache"];

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!(isGet || HttpMethods.IsHead(request.Method)) || IsExcluded(request.Path) ||
            context.RequestServices.GetService(typeof(ICurrentTenant)) is not ICurrentTenant { Tenant: { } tenant })
        {
            return next(context);
        }

        var settings = options.CurrentValue;
        if (!settings.Enabled || IsSignedIn(request))
        {
            return RenderAndCountAsync(context, tenant.Id);
        }

        var pages = store.For(tenant.Id);
        var key = string.Concat(request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value);
        var now = Environment.TickCount64;
        if (PublicPageStore.Find(pages, key, now) is { } page)
        {
            if (page.IsHtml)
            {
                visits.Count(tenant.Id, context);
            }

            return WriteAsync(context, page, now, isGet);
        }

        return isGet ? RenderAndStoreAsync(context, tenant.Id, pages, key, settings) : RenderAndCountAsync(context, tenant.Id);
    }

    private async Task RenderAndCountAsync(HttpContext context, string tenantId)
    {
        await next(context).ConfigureAwait(false);
        if (IsHtmlPage(context.Response))
        {
            visits.Count(tenantId, context);
        }
    }

    private async Task RenderAndStoreAsync(HttpContext context, string tenantId, TenantPages pages, string key, PublicCacheOptions settings)
    {
        var bodyFeature = context.Features.Get<IHttpResponseBodyFeature>()!;
        var capture = new CaptureStream(bodyFeature.Stream, settings.MaxPageBytes);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(capture, bodyFeature));
        context.Response.Headers["X-Cache"] = "MISS";
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(bodyFeature);
        }

        var response = context.Response;
        var isHtml = IsHtmlPage(response);
        if (isHtml)
        {
            visits.Count(tenantId, context);
        }

        if (response.StatusCode == StatusCodes.Status200OK && MayShare(response) && capture.Captured is { } body &&
            (response.ContentLength is null || response.ContentLength == body.Length))
        {
            var headers = response.Headers
                .Where(h => !NotStoredHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
                .ToArray();
            var now = Environment.TickCount64;
            store.Store(pages, key, new CachedPage(body, headers, isHtml, now, now + (long)settings.Duration.TotalMilliseconds));
        }
    }

    private static Task WriteAsync(HttpContext context, CachedPage page, long now, bool withBody)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }

        headers["X-Cache"] = "HIT";
        headers.Age = ((now - page.StoredTicks) / 1000).ToString(CultureInfo.InvariantCulture);
        response.ContentLength = page.Body.Length;
        return withBody ? response.Body.WriteAsync(page.Body, 0, page.Body.Length, context.RequestAborted) : Task.CompletedTask;
    }

    private static bool IsExcluded(PathString path)
    {
        foreach (var prefix in Excluded)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSignedIn(HttpRequest request)
    {
        if (request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return true;
        }

        if (!request.Headers.ContainsKey(HeaderNames.Cookie))
        {
            return false;
        }

        foreach (var cookie in request.Cookies)
        {
            foreach (var prefix in SignInCookiePrefixes)
            {
                if (cookie.Key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The page set no cookie and did not ask to stay private (a draft's preview, anything per user).</summary>
    private static bool MayShare(HttpResponse response)
    {
        if (response.Headers.ContainsKey(HeaderNames.SetCookie) || response.Headers.ContainsKey(HeaderNames.Vary) && response.Headers.Vary.ToString().Contains('*'))
        {
            return false;
        }

        var cacheControl = response.Headers.CacheControl;
        return StringValues.IsNullOrEmpty(cacheControl) ||
               !(cacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase) ||
                 cacheControl.ToString().Contains("private", StringComparison.OrdinalIgnoreCase) ||
                 cacheControl.ToString().Contains("no-cache", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsHtmlPage(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK &&
        response.ContentType is { } type && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
