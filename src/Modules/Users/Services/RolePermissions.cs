using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Security;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>A role's permissions, held as its <c>permission</c> claims, changed within the <see cref="PrivilegeCeiling"/>.</summary>
public sealed class RolePermissions(RoleManager<PortalRole> roleManager, UserManager<PortalUser> userManager, PrivilegeCeiling ceiling)
{
    public async Task<IReadOnlyList<string>> GetAsync(PortalRole role)
    {
        var claims = await roleManager.GetClaimsAsync(role).ConfigureAwait(false);
        return claims.Where(c => c.Type == PermissionPolicies.ClaimType)
            .Select(c => c.Value)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Null when the acting user may make the role grant <paramref name="permissions"/> (the role and the
    /// new permissions within their rights); else the Vietnamese refusal, already audited.
    /// </summary>
    public async Task<string?> CheckAsync(PortalRole role, IEnumerable<string> permissions) =>
        await ceiling.CheckRolePermissionsAsync(role.Name, await GetAsync(role).ConfigureAwait(false), Clean(permissions)).ConfigureAwait(false);

    /// <summary>
    /// Makes the role grant exactly <paramref name="permissions"/>; returns false when it already did.
    /// A change ends the sessions of the role's users (their cookies carry the old permissions).
    /// </summary>
    /// <exception cref="PrivilegeCeilingException">The acting user may not (audited).</exception>
    public async Task<bool> SetAsync(PortalRole role, IEnumerable<string> permissions)
    {
        var wanted = Clean(permissions);
        var claims = await roleManager.GetClaimsAsync(role).ConfigureAwait(false);
        var current = claims.Where(c => c.Type == PermissionPolicies.ClaimType).ToList();
        if (await ceiling.CheckRolePermissionsAsync(role.Name, current.Select(c => c.Value), wanted).ConfigureAwait(false) is { } refused)
        {
            throw new PrivilegeCeilingException(refused);
        }

        var changed = false;
        foreach (var claim in current.Where(c => !wanted.Contains(c.Value)))
        {
            Check(await roleManager.RemoveClaimAsync(role, claim).ConfigureAwait(false));
            changed = true;
        }

        foreach (var permission in wanted.Except(current.Select(c => c.Value), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Check(await roleManager.AddClaimAsync(role, new Claim(PermissionPolicies.ClaimType, permission)).ConfigureAwait(false));
            changed = true;
        }

        if (changed && role.Name is { } roleName)
        {
            foreach (var user in await userManager.GetUsersInRoleAsync(roleName).ConfigureAwait(false))
            {
                Check(await userManager.UpdateSecurityStampAsync(user).ConfigureAwait(false));
            }
        }

        return changed;
    }

    private static HashSet<string> Clean(IEnumerable<string> permissions) =>
        permissions.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToHashSet(StringComparer.Ordinal);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A change the privilege ceiling refused; the message is Vietnamese, ready to show.</summary>
public sealed class PrivilegeCeilingException(string message) : InvalidOperationException(message);
