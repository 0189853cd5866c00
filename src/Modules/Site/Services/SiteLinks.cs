using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Modules.Site.Services;

/// <summary>Addresses in public pages: site paths get the tenant's path base, absolute ones (canonical, OpenGraph) the request's scheme and host.</summary>
public static class SiteLinks
{
    /// <summary>The query parameter of the text size links (A-, A, A+) that work without script.</summary>
    public const string TextSizeParameter = "co-chu";

    /// <summary>A link target: absolute addresses (http, https, mailto, tel) as they are, site paths under the tenant's path base.</summary>
    public static string Href(HttpContext context, string? url)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = (url ?? "").Trim();
        if (IsAbsolute(value))
        {
            return value;
        }

        if (value.StartsWith("//", StringComparison.Ordinal) || value.Contains(':', StringComparison.Ordinal))
        {
            return context.Request.PathBase + "/"; // never a protocol-relative or scripted address
        }

        return context.Request.PathBase + (value.StartsWith('/') ? value : "/" + value);
    }

    /// <summary>The path the visitor asked for (on a status page, the original one, not <c>/error/404</c>), without the path base.</summary>
    public static string CurrentPath(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Request.Path.Value ?? "/";
    }

    /// <summary>The address with scheme and host, for canonical links and OpenGraph.</summary>
    public static string Absolute(HttpContext context, string? url)
    {
        ArgumentNullException.ThrowIfNull(context);
        var href = Href(context, url);
        return IsAbsolute(href) ? href : $"{context.Request.Scheme}://{context.Request.Host}{href}";
    }

    /// <summary>The public path of an item (<c>tin-tuc/x</c>) as a link.</summary>
    public static string ItemHref(HttpContext context, string? path) => Href(context, "/" + (path ?? ""));

    /// <summary>Whether the menu entry points at the page being shown.</summary>
    public static bool IsCurrent(HttpContext context, string? url)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = (url ?? "").Trim();
        if (IsAbsolute(value) || value.Length == 0)
        {
            return false;
        }

        var path = CurrentPath(context);
        return string.Equals(value.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The class of <c>&lt;html&gt;</c> for the text size asked in the query (the script keeps the choice across pages).</summary>
    public static string? TextSizeClass(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Query[TextSizeParameter].ToString() switch
        {
            "nho" => "text-small",
            "lon" => "text-large",
            _ => null,
        };
    }

    /// <summary>This page's address with the text size set (null: the default size).</summary>
    public static string WithTextSize(HttpContext context, string? size)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query
            .Where(q => q.Key != TextSizeParameter)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .ToList();
        if (size is not null)
        {
            query.Add(new(TextSizeParameter, size));
        }

        var path = context.Request.PathBase + CurrentPath(context);
        return query.Count == 0 ? path : QueryHelpers.AddQueryString(path, query);
    }

    private static bool IsAbsolute(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel" && !value.StartsWith('/');
}
