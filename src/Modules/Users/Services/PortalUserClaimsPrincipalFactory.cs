using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Identity's principal (user name, roles and the roles' claims, so <c>permission</c> claims
/// land in it) plus the <c>tenant_id</c> claim that binds the sign-in to the user's tenant.
/// </summary>
public sealed class PortalUserClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<PortalRole> roleManager,
    IOptions<IdentityOptions> options)
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
        return identity;
    }
}
