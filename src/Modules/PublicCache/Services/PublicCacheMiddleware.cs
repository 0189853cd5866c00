using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Portal.Core.Tenancy;

namespace Portal.Modules.PublicCache.Services;

/// <summary>
/// First after the real client is known (forwarded headers): an anonymous GET/HEAD whose URL
/// (scheme, host, path, query) has a fresh copy is answered from memory with the headers stored
/// with it (security headers included), nothing else running; the tenant the copy belongs to
/// must still be the registry's current one (a changed or stopped tenant is a miss). Otherwise
/// the rest of the pipeline renders the page (tenant resolution included) and a copy is kept when
/// it may be shared: an endpoint's 200 answer of a tenant, outside /admin, /api/visits, /media,
/// with no cookie set and not marked private, no-store or no-cache. Counts the visit of every
/// public HTML page, cached or not. <c>X-Cache</c> says HIT or MISS and <c>Age</c> how old a copy is.
/// </summary>
internal sealed class PublicCacheMiddleware(
    RequestDelegate next,
    PublicPageStore store,
    VisitCounter visits,
    ITenantDirectory directory,
    IOptionsMonitor<PublicCacheOptions> options,
    IOptions<ResponseCompressionOptions> compression)
{
    /// <summary>
    /// The media types the host's response compression compresses (its defaults when it names
    /// none): a cached copy is sent compressed for the same types as a rendered page.
    /// </summary>
    private readonly HashSet<string> _compressibleTypes = new(
        compression.Value.MimeTypes is { } types && types.Any() ? types : ResponseCompressionDefaults.MimeTypes,
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Never cached nor counted: the admin, the counter's own API, media files (already immutable), module assets, probes.</summary>
    private static readonly PathString[] Excluded =
        [new("/admin"), new("/api/visits"), new("/media"), new("/_content"), new("/health")];

    /// <summary>Extensions of pages that may be cached (feeds, sitemap, robots, API documents); other files are static files.</summary>
    private static readonly string[] PageExtensions = [".xml", ".txt", ".json", ".html"];

    /// <summary>Names (and prefixes) of the sign-in cookies: a request carrying one is never served from, nor stored into, the cache.</summary>
    private static readonly string[] SignInCookiePrefixes = ["__Host-portal", ".portal", ".AspNetCore.Identity", "Identity."];

    private static readonly string[] NotStoredHeaders =
        [HeaderNames.Date, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Server, HeaderNames.Age, HeaderNames.ContentEncoding, HeaderNames.Vary, "X-Cache"];

    /// <summary>Below this a compressed copy saves less than a network packet.</summary>
    private const int MinCompressedBytes = 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!(isGet || HttpMethods.IsHead(request.Method)) || IsExcluded(request.Path) || IsStaticFile(request.Path))
        {
            return next(context);
        }

        var settings = options.CurrentValue;
        if (!settings.Enabled || IsSignedIn(request))
        {
            return RenderAndCountAsync(context);
        }

        var key = string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value);
        var now = Environment.TickCount64;
        if (store.Find(key, now) is { } stored)
        {
            if (directory.FindById(stored.Tenant.Id) is { IsRunning: true } current && current.Version == stored.Tenant.Version)
            {
                if (stored.Page.IsHtml)
                {
                    visits.Count(stored.Tenant.Id, context);
                }

                return WriteAsync(context, stored.Page, now, isGet);
            }

            // The tenant changed since (hosts, state, settings of the registry): nothing of it is served from memory.
            store.Evict(stored.Tenant.Id);
        }

        return isGet ? RenderAndStoreAsync(context, key, settings) : RenderAndCountAsync(context);
    }

    private async Task RenderAndCountAsync(HttpContext context)
    {
        await next(context).ConfigureAwait(false);
        if (IsHtmlPage(context.Response) && CurrentTenant(context) is { } tenant)
        {
            visits.Count(tenant.Id, context);
        }
    }

    private async Task RenderAndStoreAsync(HttpContext context, string key, PublicCacheOptions settings)
    {
        var bodyFeature = context.Features.Get<IHttpResponseBodyFeature>()!;
        var evictionsBefore = store.Evictions;
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

        // Tenant resolution ran: the path is now the tenant's own (prefix removed).
        if (CurrentTenant(context) is not { } tenant || IsExcluded(context.Request.Path))
        {
            return;
        }

        var owner = store.For(tenant.Id);
        var response = context.Response;
        var isHtml = IsHtmlPage(response);
        if (isHtml)
        {
            visits.Count(tenant.Id, context);
        }

        if (response.StatusCode == StatusCodes.Status200OK && context.GetEndpoint() is not null && MayShare(response) &&
            capture.Captured is { } body && (response.ContentLength is null || response.ContentLength == body.Length))
        {
            var headers = response.Headers
                .Where(h => !NotStoredHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
                .ToArray();
            var now = Environment.TickCount64;
            store.Store(owner, tenant, key, new CachedPage(body, headers, isHtml, now, now + (long)settings.Duration.TotalMilliseconds), evictionsBefore);
        }
    }

    private static TenantDescriptor? CurrentTenant(HttpContext context) =>
        (context.RequestServices.GetService(typeof(ICurrentTenant)) as ICurrentTenant)?.Tenant;

    private Task WriteAsync(HttpContext context, CachedPage page, long now, bool withBody)
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
        var body = page.Body;
        if (body.Length >= MinCompressedBytes && IsCompressible(response.ContentType))
        {
            // Compressed once per copy, not per request; the response compression further out
            // leaves a response that already has a Content-Encoding alone.
            headers.Vary = HeaderNames.AcceptEncoding;
            var accepted = context.Request.Headers.AcceptEncoding.ToString();
            if (Accepts(accepted, "br"))
            {
                body = page.Brotli;
                headers.ContentEncoding = "br";
            }
            else if (Accepts(accepted, "gzip"))
            {
                body = page.Gzip;
                headers.ContentEncoding = "gzip";
            }
        }

        response.ContentLength = body.Length;
        return withBody ? response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted) : Task.CompletedTask;
    }

    private bool IsCompressible(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        // The media type without its parameters ("text/html; charset=utf-8"), read without allocating: this runs on every hit.
        var type = contentType.AsSpan();
        var semicolon = type.IndexOf(';');
        return _compressibleTypes.GetAlternateLookup<ReadOnlySpan<char>>().Contains((semicolon < 0 ? type : type[..semicolon]).Trim());
    }

    /// <summary>Whether the Accept-Encoding header names the coding without refusing it (<c>;q=0</c>).</summary>
    internal static bool Accepts(string acceptEncoding, string coding)
    {
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = part.Split(';', StringSplitOptions.TrimEntries);
            if (!fields[0].Equals(coding, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var parameter in fields.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase) &&
                    double.TryParse(parameter.AsSpan(2), NumberStyles.Float, CultureInfo.InvariantCulture, out var quality))
                {
                    return quality > 0;
                }
            }

            return true;
        }

        return false;
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

    private static bool IsStaticFile(PathString path)
    {
        var value = path.Value.AsSpan();
        var name = value[(value.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        var extension = name[dot..];
        foreach (var page in PageExtensions)
        {
            if (extension.Equals(page, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
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
        if (response.Headers.ContainsKey(HeaderNames.SetCookie) || response.Headers.Vary.ToString().Contains('*'))
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
