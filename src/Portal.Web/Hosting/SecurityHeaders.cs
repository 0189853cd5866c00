using Portal.Core.Web;

namespace Portal.Web.Hosting;

/// <summary>
/// Headers every response carries (pages, files, errors): a strict Content-Security-Policy (scripts
/// and styles from the site's own files only, no inline code, no framing), nosniff, a referrer
/// policy and a permissions policy (modules may add sources to the CSP through
/// <see cref="IContentSecurityPolicyContributor"/>); under <c>/admin</c> (sign-in included) nothing is cached.
/// Set when the response starts, so error pages and static files get them too.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state => Apply((HttpContext)state), context);
            return next(context);
        });

    private static async Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = await PolicyForAsync(context).ConfigureAwait(false);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }

    /// <summary>The strict policy, with what the modules' contributors add for this request (e.g. a tenant's EMC script).</summary>
    private static async ValueTask<string> PolicyForAsync(HttpContext context)
    {
        var contributors = context.RequestServices?.GetService<IEnumerable<IContentSecurityPolicyContributor>>();
        if (contributors is null)
        {
            return ContentSecurityPolicy;
        }

        ContentSecurityPolicyBuilder? policy = null;
        foreach (var contributor in contributors)
        {
            policy ??= new ContentSecurityPolicyBuilder(ContentSecurityPolicy);
            await contributor.ContributeAsync(context, policy).ConfigureAwait(false);
        }

        return policy is { IsChanged: true } ? policy.ToString() : ContentSecurityPolicy;
    }
}
