using Microsoft.AspNetCore.Http;

namespace Portal.Modules.Feeds.Services;

/// <summary>
/// Absolute addresses on the site a request came to: its scheme and host (as the reverse proxy
/// forwarded them) and the tenant's path base, so a feed or an API answer read elsewhere links back
/// to the right site.
/// </summary>
internal sealed class SiteAddress
{
    private SiteAddress(string origin, string root)
    {
        Origin = origin;
        Root = root;
    }

    /// <summary><c>https://sotaichinh.thainguyen.gov.vn</c>: scheme and host only.</summary>
    public string Origin { get; }

    /// <summary>The origin with the tenant's path base (<c>https://thainguyen.gov.vn/sotuphap</c>); no trailing slash.</summary>
    public string Root { get; }

    /// <summary>The site's home page, with a trailing slash.</summary>
    public string Home => Root + "/";

    public static SiteAddress Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = $"{request.Scheme}://{request.Host.ToUriComponent()}";
        return new SiteAddress(origin, origin + request.PathBase.ToUriComponent());
    }

    /// <summary>A public page by its path without the path base (<c>tin-tuc/hoi-nghi</c>, <c>/chuyen-muc/kinh-te</c>).</summary>
    public string Page(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString);
        return Root + "/" + string.Join('/', segments);
    }

    /// <summary>
    /// A stored media address made absolute: a path from the site's root already carries the
    /// tenant's path base (the media library stores it so); an absolute http(s) address is kept.
    /// </summary>
    public string? Media(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        return path.StartsWith('/') ? Origin + path : Root + "/" + path;
    }
}
