using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Admin;

/// <summary>
/// The admin's address space. Everything under <see cref="Prefix"/> is the admin: it gets the
/// admin layout and requires <see cref="AdminPermissions.AccessAdmin"/>, except the pages that
/// let a visitor in or out (<see cref="SignIn"/>, <see cref="SignOut"/>, <see cref="AccessDenied"/>).
/// Paths are relative to the tenant's root (its URL prefix is in <c>PathBase</c>).
/// </summary>
public static class AdminRoutes
{
    public const string Prefix = "/admin";
    public const string SignIn = "/admin/login";
    /// <summary>The second step of a sign-in with two-factor authentication (the code of an authenticator app).</summary>
    public const string SignInSecondStep = "/admin/login/two-factor";
    public const string SignOut = "/admin/logout";
    public const string AccessDenied = "/admin/access-denied";

    private static readonly string[] OpenRoutes = [SignIn, SignInSecondStep, SignOut, AccessDenied];

    /// <summary>True for <c>/admin</c> and anything below it.</summary>
    public static bool IsAdminPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when the request is for the admin, also while an error or status page is being
    /// rendered for it (the path is then the error page's, the original one is kept aside).
    /// </summary>
    public static bool IsAdminRequest(HttpContext context)
    {
        var path = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? context.Request.Path.Value;
        return IsAdminPath(new PathString(path));
    }

    /// <summary>True for a route template (<c>admin/users/{id}</c>, with or without the leading slash) under <see cref="Prefix"/>.</summary>
    public static bool IsAdminRoute(string? routeTemplate) => routeTemplate is not null && IsAdminPath(Normalize(routeTemplate));

    /// <summary>Sign-in (both steps), sign-out and access-denied: the only admin routes open to anyone.</summary>
    public static bool IsOpenRoute(string? routeTemplate) =>
        routeTemplate is not null && OpenRoutes.Contains(Normalize(routeTemplate).Value, StringComparer.OrdinalIgnoreCase);

    private static PathString Normalize(string routeTemplate) => new("/" + routeTemplate.Trim().Trim('/'));
}

public static class AdminUrlHelperExtensions
{
    /// <summary>
    /// An admin path (<c>/admin/users</c>, as in <see cref="AdminMenuItem.Url"/>) as a link from
    /// the tenant's root, so a tenant served under a URL prefix keeps it. Pages link to pages with
    /// <c>asp-page</c>/<c>Url.Page</c>; this is for paths that are data.
    /// </summary>
    public static string AdminUrl(this Microsoft.AspNetCore.Mvc.IUrlHelper url, string path = AdminRoutes.Prefix)
    {
        if (!AdminRoutes.IsAdminPath(new PathString(path)))
        {
            throw new ArgumentException($"'{path}' is not an admin path.", nameof(path));
        }

        return url.Content("~" + path);
    }
}
