using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Portal.Core.Security;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Names an authentication cookie per request: its <c>__Host-</c> name whenever the host's
/// <see cref="SecureCookiePolicy"/> asks for it (always outside Development, else over HTTPS; the
/// browser then insists on Secure, Path=/ and no Domain, so no other host can set or read it),
/// else its plain name. A cookie's Domain is never set: every tenant host keeps its own.
/// </summary>
public sealed class HostOnlyCookieManager(string plainName, string secureName) : ICookieManager
{
    /// <summary>Names of the sign-in cookie.</summary>
    public const string SecureName = "__Host-portal";
    public const string PlainName = ".portal.auth";

    private readonly ChunkingCookieManager _inner = new();

    public string CookieName => plainName;

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

    private string NameFor(HttpContext context, string key) =>
        key == plainName && SecureCookiePolicy.IsSecureRequest(context) ? secureName : key;

    private static CookieOptions HostOnly(HttpContext context, CookieOptions options)
    {
        options.Domain = null;
        if (SecureCookiePolicy.IsSecureRequest(context))
        {
            // The __Host- prefix requires Path=/ even when a tenant is served under a path prefix.
            options.Path = "/";
            options.Secure = true;
        }

        return options;
    }
}
