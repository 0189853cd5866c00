using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>
/// The checks every request with a sign-in cookie passes, in order of cost: the ticket belongs to
/// the current tenant, it is within the absolute limit, and the account's security stamp still
/// equals the one in the ticket. The stamp is one indexed column read per authenticated request
/// (the cookie handler authenticates once per request), so a sign-out, lock, password reset or
/// role/permission change ends the affected sessions on every node at their next request.
/// </summary>
public static class SessionValidation
{
    /// <summary>Ticket property: when the password was given (round-trip UTC), kept through sliding renewals.</summary>
    public const string SignedInAtKey = ".portal.signed-in-at";

    /// <summary>Cookie <c>OnSigningIn</c>: stamps a new sign-in; a refresh of an existing one keeps its original time.</summary>
    public static Task StampSignInAsync(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SignedInAtKey))
        {
            context.Properties.Items[SignedInAtKey] = Now(context.Options).ToString("O", CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    /// <summary>Cookie <c>OnValidatePrincipal</c> of the admin sign-in.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var tenant = services.GetService<ICurrentTenant>()?.Tenant;
        if (!TenantClaims.BelongsTo(context.Principal, tenant)
            || IsPastAbsoluteLimit(context, services.GetRequiredService<IOptions<SessionLimits>>().Value)
            || !await HasCurrentStampAsync(context, services).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name).ConfigureAwait(false);
        }
    }

    private static bool IsPastAbsoluteLimit(CookieValidatePrincipalContext context, SessionLimits limits) =>
        !context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
        || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
        || Now(context.Options) - signedInAt >= limits.AbsoluteTimeout;

    private static async Task<bool> HasCurrentStampAsync(CookieValidatePrincipalContext context, IServiceProvider services)
    {
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = context.Principal?.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (userId is null || stamp is null)
        {
            return false;
        }

        // Tenant-filtered like every query: an account of another tenant is not found.
        var current = await services.GetRequiredService<PortalDbContext>().Set<PortalUser>()
            .Where(u => u.Id == userId)
            .Select(u => u.SecurityStamp)
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted)
            .ConfigureAwait(false);
        return string.Equals(current, stamp, StringComparison.Ordinal);
    }

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
}
