using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;

namespace Portal.Modules.Tenants.Services;

/// <summary>
/// Finds the request's tenant from the Host header (and URL prefix), sets it as the scope's
/// current tenant, and answers itself for unknown hosts (404), malformed hosts (400) and
/// disabled tenants (503). Served from memory: no database access on this path.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry)
{
    /// <summary>Paths that answer on any host, before a tenant is known (load balancer probes).</summary>
    private static readonly PathString HealthPath = new("/health");

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(HealthPath))
        {
            return next(context);
        }

        var host = HostWithoutPort(context.Request.Host.Value);
        if (!IsWellFormed(host))
        {
            return TenantStatusPages.WriteAsync(context, StatusCodes.Status400BadRequest);
        }

        var path = context.Request.Path.Value;
        if (registry.Resolver.Resolve(host, path) is not { } match)
        {
            return TenantStatusPages.WriteAsync(context, StatusCodes.Status404NotFound);
        }

        if (!match.Tenant.IsRunning)
        {
            context.Response.Headers.RetryAfter = "3600";
            return TenantStatusPages.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, match.Tenant.DisplayName);
        }

        if (match.Prefix is { } prefix)
        {
            var prefixPath = new PathString("/" + prefix);
            context.Request.PathBase = context.Request.PathBase.Add(prefixPath);
            context.Request.Path = context.Request.Path.StartsWithSegments(prefixPath, StringComparison.OrdinalIgnoreCase, out var rest) ? rest : context.Request.Path;
        }

        context.RequestServices.GetRequiredService<CurrentTenant>().Set(match.Tenant);
        return next(context);
    }

    internal static ReadOnlySpan<char> HostWithoutPort(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return default;
        }

        var span = value.AsSpan();
        if (span[0] == '[')
        {
            // IPv6 literal: "[::1]:5000".
            var close = span.IndexOf(']');
            return close < 0 ? default : span[..(close + 1)];
        }

        var colon = span.LastIndexOf(':');
        return colon < 0 ? span : span[..colon];
    }

    /// <summary>Letters, digits, dots and hyphens (RFC 1123), or an IPv6 literal; at most 253 characters.</summary>
    internal static bool IsWellFormed(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > 253)
        {
            return false;
        }

        if (host[0] == '[')
        {
            return host[^1] == ']';
        }

        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
