using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portal.Core.Security;

/// <summary>
/// Whether the portal's cookies must be <c>Secure</c> and carry the <c>__Host-</c> prefix: always
/// outside Development (TLS may end at a proxy, the browser still talks HTTPS), and in
/// Development whenever the original request was HTTPS (as seen after forwarded headers).
/// </summary>
public sealed class SecureCookiePolicy(IHostEnvironment environment)
{
    /// <summary>The prefix browsers accept only with Secure, Path=/ and no Domain.</summary>
    public const string HostPrefix = "__Host-";

    public bool AlwaysSecure { get; } = !environment.IsDevelopment();

    public bool IsSecure(HttpContext context) => AlwaysSecure || context.Request.IsHttps;

    /// <summary>The host's policy for this request, or the request's own scheme where no host registered one (module tests).</summary>
    public static bool IsSecureRequest(HttpContext context) =>
        context.RequestServices?.GetService<SecureCookiePolicy>() is { } policy ? policy.IsSecure(context) : context.Request.IsHttps;
}
