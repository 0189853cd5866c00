using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;

namespace Portal.Web.Hosting;

/// <summary>
/// The framework's own cookies (anti-forgery, TempData) get the same treatment as the sign-in
/// cookie: <c>__Host-</c> name, Secure, Path=/, no Domain. Outside Development that is always so.
/// In Development a plain-HTTP request (the README's <c>dotnet run</c>) cannot keep such a cookie,
/// so there, and only there, <see cref="UsePortalCookieSecurity"/> renames them at the edge.
/// </summary>
public static class CookieSecurity
{
    public const string AntiforgeryCookie = SecureCookiePolicy.HostPrefix + "portal-antiforgery";
    public const string TempDataCookie = SecureCookiePolicy.HostPrefix + "portal-tempdata";

    private static readonly string[] Renamed = [AntiforgeryCookie, TempDataCookie];

    public static IServiceCollection AddPortalCookieSecurity(this IServiceCollection services)
    {
        services.AddSingleton<SecureCookiePolicy>();
        services.AddHsts(options =>
        {
            // Not IncludeSubDomains: other services of the province's domain are not ours to decide.
            options.MaxAge = TimeSpan.FromDays(365);
        });
        services.AddAntiforgery(options => HostOnly(options.Cookie, AntiforgeryCookie));
        services.Configure<CookieTempDataProviderOptions>(options => HostOnly(options.Cookie, TempDataCookie));
        return services;
    }

    private static void HostOnly(CookieBuilder cookie, string name)
    {
        cookie.Name = name;
        cookie.Path = "/";
        cookie.Domain = null;
        // Secure is decided per request by UsePortalCookieSecurity (Always would refuse plain HTTP outright).
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.HttpOnly = true;
    }

    /// <summary>
    /// Early in the pipeline: where the policy wants Secure cookies, the two cookies are Secure even
    /// when this hop was plain HTTP; where it does not (Development over plain HTTP) they travel
    /// without prefix and Secure, and are renamed back on the way in, so the app only knows one name.
    /// </summary>
    public static IApplicationBuilder UsePortalCookieSecurity(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var secure = SecureCookiePolicy.IsSecureRequest(context);
            if (secure && context.Request.IsHttps)
            {
                return next(context);
            }

            var cookie = context.Request.Headers.Cookie.ToString();
            if (!secure && cookie.Length > 0)
            {
                context.Request.Headers.Cookie = string.Join("; ", cookie.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(pair => Renamed.Any(name => pair.StartsWith(Plain(name) + "=", StringComparison.Ordinal)) ? SecureCookiePolicy.HostPrefix + pair : pair));
            }

            context.Response.OnStarting(secure ? AddSecure : StripPrefix, context);
            return next(context);
        });

    private static Task AddSecure(object state) =>
        Rewrite((HttpContext)state, value => value.Contains("; secure", StringComparison.OrdinalIgnoreCase) ? value : value + "; secure");

    private static Task StripPrefix(object state) =>
        Rewrite((HttpContext)state, value => string.Join("; ", value[SecureCookiePolicy.HostPrefix.Length..].Split(';', StringSplitOptions.TrimEntries)
            .Where(part => !part.Equals("secure", StringComparison.OrdinalIgnoreCase))));

    private static Task Rewrite(HttpContext context, Func<string, string> rewrite)
    {
        var headers = context.Response.Headers;
        if (headers.SetCookie.Count > 0)
        {
            headers.SetCookie = headers.SetCookie
                .Select(value => value is not null && Renamed.Any(name => value.StartsWith(name + "=", StringComparison.Ordinal)) ? rewrite(value) : value)
                .ToArray();
        }

        return Task.CompletedTask;
    }

    private static string Plain(string name) => name[SecureCookiePolicy.HostPrefix.Length..];
}
