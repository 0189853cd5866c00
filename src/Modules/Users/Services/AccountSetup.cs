using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Settings;

namespace Portal.Modules.Users.Services;

/// <summary>
/// What an account must do before it may use the admin: change its password (generated, reset by
/// someone else, or older than the tenant's maximum age) and enrol a second factor (required for
/// administrators by the tenant's setting). Worked out at sign-in into claims of the session, and
/// enforced on every admin request by <see cref="UseAccountSetupGate"/>.
/// </summary>
public static class AccountSetup
{
    public const string MustChangePasswordClaim = "portal:must-change-password";
    public const string MustEnrolTwoFactorClaim = "portal:must-enrol-2fa";

    public const string ChangePasswordPath = "/admin/account/password";
    public const string TwoFactorPath = "/admin/account/two-factor";

    public static bool MustChangePassword(PortalUser user, PasswordSettings rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(rules);
        return user.MustChangePassword
            || (rules.MaximumAgeDays > 0 && (user.PasswordChangedUtc ?? user.CreatedUtc) is { } set && now - set >= TimeSpan.FromDays(rules.MaximumAgeDays));
    }

    /// <summary>True when the tenant requires a second factor of administrators and <paramref name="principal"/>'s permissions make it one.</summary>
    public static bool RequiresTwoFactor(ClaimsPrincipal principal, TwoFactorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.RequiredForAdministrators
            && principal.FindAll(PermissionPolicies.ClaimType).Any(c => PrivilegeCeiling.AdministratorPermissions.Contains(c.Value));
    }

    /// <summary>
    /// Sends a signed-in account that still owes a password change or an enrolment to the page
    /// that settles it, from every admin endpoint but those marked <see cref="AllowDuringAccountSetupAttribute"/>
    /// (sign-in, sign-out, the two pages themselves). Runs after authentication.
    /// </summary>
    public static IApplicationBuilder UseAccountSetupGate(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true
                && AdminRoutes.IsAdminPath(context.Request.Path)
                && context.GetEndpoint()?.Metadata.GetMetadata<AllowDuringAccountSetupAttribute>() is null)
            {
                var target = user.HasClaim(c => c.Type == MustChangePasswordClaim) ? ChangePasswordPath
                    : user.HasClaim(c => c.Type == MustEnrolTwoFactorClaim) ? TwoFactorPath
                    : null;
                if (target is not null)
                {
                    var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                    context.Response.Redirect(context.Request.PathBase + target + QueryString.Create("returnUrl", back));
                    return Task.CompletedTask;
                }
            }

            return next(context);
        });
}

/// <summary>An admin endpoint an account may use while it owes a password change or a second factor.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowDuringAccountSetupAttribute : Attribute;
