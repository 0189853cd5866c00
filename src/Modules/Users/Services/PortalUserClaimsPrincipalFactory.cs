using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Identity's principal (user name, roles and the roles' claims, so <c>permission</c> claims
/// land in it) plus the <c>tenant_id</c> claim that binds the sign-in to the user's tenant, and
/// the claims of what the account owes first (<see cref="AccountSetup"/>).
/// </summary>
public sealed class PortalUserClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<PortalRole> roleManager,
    IOptions<IdentityOptions> options,
    AccountSettings settings,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        if (string.IsNullOrEmpty(user.TenantId))
        {
            throw new InvalidOperationException("Only a saved user of a tenant can sign in.");
        }

        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(TenantClaims.ClaimType, user.TenantId));

        // What the account owes before it may use the admin (AccountSetup's gate enforces it).
        if (AccountSetup.MustChangePassword(user, await settings.PasswordsAsync().ConfigureAwait(false), clock.GetUtcNow()))
        {
            identity.AddClaim(new Claim(AccountSetup.MustChangePasswordClaim, "true"));
        }

        if (!user.TwoFactorEnabled && AccountSetup.RequiresTwoFactor(new ClaimsPrincipal(identity), await settings.TwoFactorAsync().ConfigureAwait(false)))
        {
            identity.AddClaim(new Claim(AccountSetup.MustEnrolTwoFactorClaim, "true"));
        }

        return identity;
    }
}
