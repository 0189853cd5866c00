using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Names the sign-in cookie per request: <c>__Host-portal</c> over HTTPS (the browser then
/// insists on Secure, Path=/ and no Domain, so no other host can set or read it), else
/// <c>.portal.auth</c>. A cookie's Domain is never set: every tenant host keeps its own.
/// </summary>
public sealed class HostOnlyCookieManager : ICookieManager
{
    public const string SecureName = "__Host-portal";
    public const string PlainName = ".portal.auth";

    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) =>
        _inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        _inner.AppendResponseCookie(context, NameFor(context, key), value, HostOnly(context, options));
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options)
    {
        _inner.DeleteCookie(context, NameFor(context, key), HostOnly(context, options));
    }

    private static string NameFor(HttpContext context, string key) =>
        context.Request.IsHttps && key == PlainName ? SecureName : key;

    private static CookieOptions HostOnly(HttpContext context, CookieOptions options)
    {
        options.Domain = null;
        if (context.Request.IsHttps)
        {
            // The __Host- prefix requires Path=/ even when a tenant is served under a path prefix.
            options.Path = "/";
            options.Secure = true;
        }

        return options;
    }
}
