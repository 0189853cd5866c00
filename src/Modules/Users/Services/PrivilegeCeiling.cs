using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>
/// The privilege ceiling: a signed-in user may grant only roles and permissions they hold, and may
/// change only accounts and roles whose rights are all theirs too; only holders of full rights
/// (<c>*</c>) may grant full rights. Checked by the services (<see cref="UserAccounts"/>,
/// <see cref="RolePermissions"/>), so every path obeys it; the pages only hide what would be refused.
/// Work with no signed-in user of the current tenant (first run, recipes, command line, jobs) is the
/// system's and is not limited. Every refusal is audited as <see cref="DeniedAction"/>.
/// </summary>
public sealed class PrivilegeCeiling(
    IHttpContextAccessor httpContextAccessor,
    ICurrentTenant currentTenant,
    PortalDbContext db,
    UserManager<PortalUser> userManager,
    IOptions<IdentityOptions> identityOptions,
    IAuditLog auditLog)
{
    public const string DeniedAction = "users.privilege-denied";

    /// <summary>
    /// Permissions that make an account an administrator: resetting such an account's password asks
    /// for the actor's own password again. <c>ManageTenants</c> is the Tenants module's (named here, as
    /// modules do not reference each other).
    /// </summary>
    public static readonly IReadOnlySet<string> AdministratorPermissions = new HashSet<string>(StringComparer.Ordinal)
    {
        PermissionPolicies.All,
        Permissions.ManageUsers.Name,
        Permissions.ManageRoles.Name,
        "ManageTenants",
    };

    public const string FullRightsOnly = "Chỉ người có toàn quyền mới được cấp toàn quyền.";
    public const string ReauthenticationFailed = "Để đặt lại mật khẩu của một quản trị viên, vui lòng nhập đúng mật khẩu của chính bạn.";

    private PrivilegeActor? _actor;
    private bool _actorLoaded;

    /// <summary>The signed-in user of the current tenant with their permissions (from the database), or null for the system.</summary>
    public async Task<PrivilegeActor?> ActorAsync(CancellationToken cancellationToken = default)
    {
        if (_actorLoaded)
        {
            return _actor;
        }

        var principal = httpContextAccessor.HttpContext?.User;
        if (principal?.Identity is { IsAuthenticated: true } && TenantClaims.BelongsTo(principal, currentTenant.Tenant)
            && principal.FindFirst(identityOptions.Value.ClaimsIdentity.UserIdClaimType)?.Value is { } userId)
        {
            _actor = new PrivilegeActor(userId, principal.Identity.Name ?? userId, await PermissionsOfUserAsync(userId, cancellationToken).ConfigureAwait(false));
        }

        _actorLoaded = true;
        return _actor;
    }

    /// <summary>Every permission the account holds through its roles (and its own claims, if any).</summary>
    public async Task<IReadOnlySet<string>> PermissionsOfUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var fromRoles = db.Set<PortalUserRole>().Where(ur => ur.UserId == userId)
            .Join(db.Set<PortalRoleClaim>(), ur => ur.RoleId, c => c.RoleId, (ur, c) => c)
            .Where(c => c.ClaimType == PermissionPolicies.ClaimType)
            .Select(c => c.ClaimValue!);
        var own = db.Set<PortalUserClaim>().Where(c => c.UserId == userId && c.ClaimType == PermissionPolicies.ClaimType).Select(c => c.ClaimValue!);
        var all = await fromRoles.Concat(own).ToListAsync(cancellationToken).ConfigureAwait(false);
        return all.Where(p => p is not null).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The permissions each role of <paramref name="roleNames"/> grants, by role name (unknown roles are left out).</summary>
    public async Task<Dictionary<string, HashSet<string>>> PermissionsOfRolesAsync(IEnumerable<string>? roleNames = null, CancellationToken cancellationToken = default)
    {
        var roles = db.Set<PortalRole>().AsQueryable();
        if (roleNames is not null)
        {
            var normalized = roleNames.Select(n => userManager.NormalizeName(n.Trim())).ToList();
            roles = roles.Where(r => normalized.Contains(r.NormalizedName!));
        }

        var found = await roles.Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = found.Select(r => r.Id).ToList();
        var claims = await db.Set<PortalRoleClaim>()
            .Where(c => ids.Contains(c.RoleId) && c.ClaimType == PermissionPolicies.ClaimType)
            .Select(c => new { c.RoleId, c.ClaimValue })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return found.ToDictionary(
            r => r.Name ?? "",
            r => claims.Where(c => c.RoleId == r.Id && c.ClaimValue is not null).Select(c => c.ClaimValue!).ToHashSet(StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when the actor may change this account (the system may change any).</summary>
    public async Task<bool> CanManageAsync(PortalUser target, CancellationToken cancellationToken = default) =>
        await ActorAsync(cancellationToken).ConfigureAwait(false) is not { } actor
        || actor.Covers(await PermissionsOfUserAsync(target.Id, cancellationToken).ConfigureAwait(false));

    /// <summary>True when the account holds an administrator's permission (<see cref="AdministratorPermissions"/>).</summary>
    public async Task<bool> IsAdministratorAsync(PortalUser target, CancellationToken cancellationToken = default) =>
        (await PermissionsOfUserAsync(target.Id, cancellationToken).ConfigureAwait(false)).Overlaps(AdministratorPermissions);

    /// <summary>Null when the actor may change the account; else the Vietnamese refusal, audited.</summary>
    public async Task<string?> CheckAccountAsync(PortalUser target, string operation, CancellationToken cancellationToken = default)
    {
        if (await CanManageAsync(target, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await RefuseAsync(target.UserName, $"{operation}: account holds rights the actor lacks",
            $"Bạn không thể {operation} tài khoản {target.UserName} vì tài khoản này có quyền mà bạn không có.", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Null when the actor may give every role of <paramref name="roleNames"/>; else the refusal, audited.</summary>
    public async Task<string?> CheckRolesAsync(string? subject, IEnumerable<string> roleNames, CancellationToken cancellationToken = default)
    {
        if (await ActorAsync(cancellationToken).ConfigureAwait(false) is not { } actor)
        {
            return null;
        }

        var names = roleNames.ToList();
        var permissions = await PermissionsOfRolesAsync(names, cancellationToken).ConfigureAwait(false);
        var refused = names.Where(n => permissions.TryGetValue(n.Trim(), out var granted) && !actor.Covers(granted)).ToList();
        return refused.Count == 0
            ? null
            : await RefuseAsync(subject, "roles beyond the actor's rights: " + string.Join(", ", refused),
                $"Bạn không thể gán vai trò {string.Join(", ", refused.Select(r => $"'{r}'"))} vì vai trò này có quyền mà bạn không có.", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The roles of the tenant the actor may give (every role for the system).</summary>
    public async Task<IReadOnlyList<string>> GrantableRolesAsync(CancellationToken cancellationToken = default)
    {
        var actor = await ActorAsync(cancellationToken).ConfigureAwait(false);
        var roles = await PermissionsOfRolesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return roles.Where(r => actor is null || actor.Covers(r.Value)).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Null when the actor may make a role that grants <paramref name="current"/> grant <paramref name="wanted"/>
    /// instead: the role must be within the actor's rights before and after.
    /// </summary>
    public async Task<string?> CheckRolePermissionsAsync(string? roleName, IEnumerable<string> current, IEnumerable<string> wanted, CancellationToken cancellationToken = default)
    {
        if (await ActorAsync(cancellationToken).ConfigureAwait(false) is not { } actor)
        {
            return null;
        }

        if (!actor.Covers(current))
        {
            return await RefuseAsync(roleName, "role holds rights the actor lacks",
                $"Bạn không thể sửa vai trò {roleName} vì vai trò này có quyền mà bạn không có.", cancellationToken).ConfigureAwait(false);
        }

        var wantedSet = wanted.ToHashSet(StringComparer.Ordinal);
        if (wantedSet.Contains(PermissionPolicies.All) && !actor.HasFullRights)
        {
            return await RefuseAsync(roleName, "full rights granted without full rights", FullRightsOnly, cancellationToken).ConfigureAwait(false);
        }

        var beyond = wantedSet.Where(p => !actor.Holds(p)).Order(StringComparer.Ordinal).ToList();
        return beyond.Count == 0
            ? null
            : await RefuseAsync(roleName, "permissions beyond the actor's rights: " + string.Join(", ", beyond),
                $"Bạn không thể cấp quyền mà bạn không có: {string.Join(", ", beyond)}.", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Null when the actor may set the account's password: within the ceiling and, for an administrator's
    /// account, the actor's own password given again; else the refusal, audited.
    /// </summary>
    public async Task<string?> CheckPasswordResetAsync(PortalUser target, string? actorPassword, CancellationToken cancellationToken = default)
    {
        if (await CheckAccountAsync(target, "đặt lại mật khẩu", cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        if (await ActorAsync(cancellationToken).ConfigureAwait(false) is not { } actor || !await IsAdministratorAsync(target, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var self = await userManager.FindByIdAsync(actor.UserId).ConfigureAwait(false);
        if (self is not null && !string.IsNullOrEmpty(actorPassword) && actorPassword.Length <= 512
            && await userManager.CheckPasswordAsync(self, actorPassword).ConfigureAwait(false))
        {
            return null;
        }

        if (self is not null && !string.IsNullOrEmpty(actorPassword))
        {
            // A wrong password counts towards the actor's lockout, as a failed sign-in does.
            await userManager.AccessFailedAsync(self).ConfigureAwait(false);
        }

        return await RefuseAsync(target.UserName, "administrator's password reset without the actor's own password", ReauthenticationFailed, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> RefuseAsync(string? subject, string details, string message, CancellationToken cancellationToken)
    {
        await auditLog.WriteAsync(DeniedAction, subject, details, cancellationToken).ConfigureAwait(false);
        return message;
    }
}

/// <summary>A signed-in user acting, with every permission they hold.</summary>
public sealed record PrivilegeActor(string UserId, string UserName, IReadOnlySet<string> Permissions)
{
    public bool HasFullRights => Permissions.Contains(PermissionPolicies.All);

    public bool Holds(string permission) => HasFullRights || Permissions.Contains(permission);

    /// <summary>True when every right of <paramref name="permissions"/> is the actor's too (full rights only for full rights).</summary>
    public bool Covers(IEnumerable<string> permissions) => HasFullRights || permissions.All(p => p != PermissionPolicies.All && Permissions.Contains(p));
}
