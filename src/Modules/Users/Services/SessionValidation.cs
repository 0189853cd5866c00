using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Auditing;
using Portal.Core.Tenancy;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>
/// The sign-in cookie's session: each sign-in starts a <see cref="UserSession"/> row whose id the
/// ticket carries, and every request with the cookie passes, cheapest first: the ticket belongs to the
/// current tenant, then one indexed read of the session row with its account's security stamp, which
/// must be live (not ended), of the same account, started with the current stamp (a password change,
/// lock or role/permission change ends every session of the account) and within the tenant's idle and
/// absolute limits. Ending the row (sign-out, the user or an administrator) ends that session only, on
/// every node, at its next request.
/// </summary>
public static class SessionValidation
{
    /// <summary>Ticket property: the id of the session row, kept through sliding renewals and refreshes.</summary>
    public const string SessionIdKey = ".portal.session-id";

    /// <summary>Cookie <c>OnSigningIn</c>: starts a session, or carries a refreshed one on with the account's new stamp.</summary>
    public static async Task StartSessionAsync(CookieSigningInContext context)
    {
        var services = context.HttpContext.RequestServices;
        var (userId, stamp) = AccountOf(context.Principal, services);
        if (userId is null || stamp is null)
        {
            throw new InvalidOperationException("A sign-in needs the account's id and security stamp.");
        }

        var sessions = services.GetRequiredService<UserSessions>();
        var cancellationToken = context.HttpContext.RequestAborted;
        if (context.Properties.Items.TryGetValue(SessionIdKey, out var existing) && existing is not null
            && await sessions.RenewStampAsync(existing, userId, stamp, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var request = context.HttpContext.Request;
        context.Properties.Items[SessionIdKey] = await sessions.StartAsync(
            userId,
            stamp,
            context.HttpContext.Connection.RemoteIpAddress?.ToString(),
            request.Headers.UserAgent.ToString(),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cookie <c>OnValidatePrincipal</c> of the admin sign-in.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var tenant = services.GetService<ICurrentTenant>()?.Tenant;
        if (!TenantClaims.BelongsTo(context.Principal, tenant) || !await IsLiveAsync(context, services).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name).ConfigureAwait(false);
        }
    }

    private static async Task<bool> IsLiveAsync(CookieValidatePrincipalContext context, IServiceProvider services)
    {
        var (userId, stamp) = AccountOf(context.Principal, services);
        if (userId is null || stamp is null || !context.Properties.Items.TryGetValue(SessionIdKey, out var sessionId) || sessionId is null)
        {
            return false;
        }

        var cancellationToken = context.HttpContext.RequestAborted;
        var sessions = services.GetRequiredService<UserSessions>();
        var state = await sessions.FindAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (state is null || state.EndedUtc is not null || !string.Equals(state.UserId, userId, StringComparison.Ordinal))
        {
            return false;
        }

        var limits = await sessions.LimitsAsync(cancellationToken).ConfigureAwait(false);
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var endReason =
            !string.Equals(state.AccountStamp, state.SessionStamp, StringComparison.Ordinal) || !string.Equals(stamp, state.SessionStamp, StringComparison.Ordinal) ? SessionEndReasons.Revoked
            : now - state.LastSeenUtc >= limits.IdleTimeout ? SessionEndReasons.Idle
            : now - state.CreatedUtc >= limits.AbsoluteTimeout ? SessionEndReasons.Absolute
            : null;
        if (endReason is not null)
        {
            await sessions.EndAsync(userId, sessionId, endReason, HttpActorAccessor.System, audit: null, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await sessions.TouchAsync(sessionId, state, cancellationToken).ConfigureAwait(false);
        context.HttpContext.Items[UserSessions.CurrentSessionItem] = sessionId;
        return true;
    }

    private static (string? UserId, string? Stamp) AccountOf(System.Security.Claims.ClaimsPrincipal? principal, IServiceProvider services)
    {
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        return (principal?.FindFirst(claims.UserIdClaimType)?.Value, principal?.FindFirst(claims.SecurityStampClaimType)?.Value);
    }
}
