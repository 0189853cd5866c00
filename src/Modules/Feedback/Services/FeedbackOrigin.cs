using Microsoft.AspNetCore.Http;

namespace Portal.Modules.Feedback.Services;

/// <summary>
/// The feedback form has no antiforgery token (a cookie would make every public page
/// uncacheable), so a post must show it comes from a page of the same site: by Fetch Metadata
/// (<c>Sec-Fetch-Site: same-origin</c>) where the browser sends it, else by <c>Origin</c>, else
/// by <c>Referer</c>, each naming this request's host. A post that shows none of them is refused
/// (unlike the admin's forms, which have their token).
/// </summary>
public static class FeedbackOrigin
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return SameHost(origin, request);
        }

        var referer = request.Headers.Referer.ToString();
        return referer.Length > 0 && SameHost(referer, request);
    }

    private static bool SameHost(string url, HttpRequest request) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
