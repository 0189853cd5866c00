using Microsoft.AspNetCore.Http;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Refuses a form POST that a browser says comes from another site: by Fetch Metadata
/// (<c>Sec-Fetch-Site</c>) where the browser sends it, else by <c>Origin</c>. A client that sends
/// neither (command-line tools, old browsers) is not a cross-site form and passes.
/// </summary>
public static class SameOriginPost
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
