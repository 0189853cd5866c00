using Microsoft.AspNetCore.Identity;
using Portal.Core.Auditing;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>Account changes shared by the admin pages, the recipe step and <see cref="IUserAccounts"/>.</summary>
public sealed class UserAccounts(
    UserManager<PortalUser> userManager,
    RoleManager<PortalRole> roleManager,
    IAuditLog auditLog,
    PrivilegeCeiling ceiling,
    UserSessions sessions,
    IActorAccessor actor,
    TimeProvider clock) : IUserAccounts
{
    public const string CreatedAction = "users.created";
    public const string UpdatedAction = "users.updated";
    public const string PasswordSetAction = "users.password-set";
    public const string LockedAction = "users.locked";
    public const string UnlockedAction = "users.unlocked";

    public async Task<UserAccountResult> CreateUserAsync(string userName, string? email, string password, IEnumerable<string> roles)
    {
        var roleNames = roles.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var missing = await MissingRolesAsync(roleNames).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            return UserAccountResult.Failed(missing.Select(r => $"Vai trò '{r}' không tồn tại."));
        }

        if (await ceiling.CheckRolesAsync(userName.Trim(), roleNames).ConfigureAwait(false) is { } refused)
        {
            return UserAccountResult.Refused(refused);
        }

        var user = new PortalUser
        {
            UserName = userName.Trim(),
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            CreatedUtc = clock.GetUtcNow(),
        };
        var result = await userManager.CreateAsync(user, password).ConfigureAwait(false);
        if (result.Succeeded && roleNames.Count > 0)
        {
            result = await userManager.AddToRolesAsync(user, roleNames).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            return Failed(result);
        }

        await auditLog.WriteAsync(CreatedAction, user.UserName, string.Join(", ", roleNames)).ConfigureAwait(false);
        return UserAccountResult.Success(user.Id);
    }

    public async Task<UserAccount?> FindAsync(string userName)
    {
        var user = await userManager.FindByNameAsync(userName).ConfigureAwait(false);
        if (user is null)
        {
            return null;
        }

        var roles = await userManager.GetRolesAsync(user).ConfigureAwait(false);
        var lockedOut = await userManager.IsLockedOutAsync(user).ConfigureAwait(false);
        return new UserAccount(user.Id, user.UserName!, user.Email, roles.Order(StringComparer.Ordinal).ToList(), lockedOut);
    }

    public async Task<UserAccountResult> SetPasswordAsync(string userName, string password)
    {
        var user = await userManager.FindByNameAsync(userName).ConfigureAwait(false);
        return user is null
            ? UserAccountResult.Failed([$"Không tìm thấy người dùng '{userName}'."])
            : await SetPasswordAsync(user, password).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the password through a reset token, so the policy is checked and old sign-ins end.
    /// A signed-in actor must be within the privilege ceiling and, for an administrator's account,
    /// give their own password again (<paramref name="actorPassword"/>).
    /// </summary>
    public async Task<UserAccountResult> SetPasswordAsync(PortalUser user, string password, string? actorPassword = null)
    {
        if (await ceiling.CheckPasswordResetAsync(user, actorPassword).ConfigureAwait(false) is { } refused)
        {
            return UserAccountResult.Refused(refused);
        }

        var token = await userManager.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
        var result = await userManager.ResetPasswordAsync(user, token, password).ConfigureAwait(false);
        return await AuditedAsync(result, PasswordSetAction, user).ConfigureAwait(false);
    }

    /// <summary>Changes the user name, e-mail and roles of an account, as the edit page does.</summary>
    public async Task<UserAccountResult> UpdateAsync(PortalUser user, string userName, string? email, IEnumerable<string> roles)
    {
        var roleNames = roles.ToList();
        if (await CheckChangeAsync(user, "sửa", roleNames).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var result = IdentityResult.Success;
        userName = userName.Trim();
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (!string.Equals(user.UserName, userName, StringComparison.Ordinal))
        {
            result = await userManager.SetUserNameAsync(user, userName).ConfigureAwait(false);
        }

        if (result.Succeeded && !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            result = await userManager.SetEmailAsync(user, email).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            return Failed(result);
        }

        var rolesResult = await SetRolesAsync(user, roleNames).ConfigureAwait(false);
        if (rolesResult.Succeeded)
        {
            await auditLog.WriteAsync(UpdatedAction, user.UserName, string.Join(", ", roleNames)).ConfigureAwait(false);
        }

        return rolesResult;
    }

    /// <summary>Locks the account until an administrator unlocks it, and ends its sign-ins.</summary>
    public async Task<UserAccountResult> LockAsync(PortalUser user)
    {
        if (await ceiling.CheckAccountAsync(user, "khóa").ConfigureAwait(false) is { } refused)
        {
            return UserAccountResult.Refused(refused);
        }

        var result = await userManager.SetLockoutEnabledAsync(user, true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            result = await userManager.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue).ConfigureAwait(false);
        }

        if (result.Succeeded)
        {
            // A new stamp makes the security-stamp check refuse cookies issued before the lock.
            result = await userManager.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        }

        return await AuditedAsync(result, LockedAction, user).ConfigureAwait(false);
    }

    public async Task<UserAccountResult> UnlockAsync(PortalUser user)
    {
        if (await ceiling.CheckAccountAsync(user, "mở khóa").ConfigureAwait(false) is { } refused)
        {
            return UserAccountResult.Refused(refused);
        }

        var result = await userManager.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
        if (result.Succeeded)
        {
            result = await userManager.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
        }

        return await AuditedAsync(result, UnlockedAction, user).ConfigureAwait(false);
    }

    /// <summary>The account's live sessions, for its administrators (within the privilege ceiling).</summary>
    public async Task<IReadOnlyList<UserSession>> ListSessionsAsync(PortalUser user) =>
        await ceiling.CanManageAsync(user).ConfigureAwait(false) ? await sessions.ListActiveAsync(user.Id).ConfigureAwait(false) : [];

    /// <summary>Ends one session of the account (all of them when <paramref name="sessionId"/> is null); audited.</summary>
    public async Task<UserAccountResult> EndSessionsAsync(PortalUser user, string? sessionId)
    {
        if (await ceiling.CheckAccountAsync(user, "kết thúc phiên đăng nhập của").ConfigureAwait(false) is { } refused)
        {
            return UserAccountResult.Refused(refused);
        }

        await sessions.EndAsync(user.Id, sessionId, SessionEndReasons.Ended, actor.Actor, audit: user.UserName).ConfigureAwait(false);
        return UserAccountResult.Success(user.Id);
    }

    /// <summary>Makes the user's roles exactly <paramref name="roles"/>; unknown role names are errors.</summary>
    public async Task<UserAccountResult> SetRolesAsync(PortalUser user, IEnumerable<string> roles)
    {
        var wanted = roles.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var missing = await MissingRolesAsync(wanted).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            return UserAccountResult.Failed(missing.Select(r => $"Vai trò '{r}' không tồn tại."));
        }

        if (await CheckChangeAsync(user, "đổi vai trò của", wanted).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var current = await userManager.GetRolesAsync(user).ConfigureAwait(false);
        var toRemove = current.Except(wanted, StringComparer.OrdinalIgnoreCase).ToList();
        var toAdd = wanted.Except(current, StringComparer.OrdinalIgnoreCase).ToList();
        var result = IdentityResult.Success;
        if (toRemove.Count > 0)
        {
            result = await userManager.RemoveFromRolesAsync(user, toRemove).ConfigureAwait(false);
        }

        if (result.Succeeded && toAdd.Count > 0)
        {
            result = await userManager.AddToRolesAsync(user, toAdd).ConfigureAwait(false);
        }

        if (result.Succeeded && toRemove.Count + toAdd.Count > 0)
        {
            // The permissions in the user's cookie are stale: end their sessions at the next request.
            result = await userManager.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        }

        return result.Succeeded ? UserAccountResult.Success(user.Id) : Failed(result);
    }

    /// <summary>The ceiling's answer to changing an account that will hold <paramref name="roles"/>: null when allowed.</summary>
    private async Task<UserAccountResult?> CheckChangeAsync(PortalUser user, string operation, IEnumerable<string> roles) =>
        await ceiling.CheckAccountAsync(user, operation).ConfigureAwait(false) is { } refused
            ? UserAccountResult.Refused(refused)
            : await ceiling.CheckRolesAsync(user.UserName, roles).ConfigureAwait(false) is { } rolesRefused
                ? UserAccountResult.Refused(rolesRefused)
                : null;

    private async Task<List<string>> MissingRolesAsync(IEnumerable<string> roleNames)
    {
        var missing = new List<string>();
        foreach (var role in roleNames)
        {
            if (!await roleManager.RoleExistsAsync(role).ConfigureAwait(false))
            {
                missing.Add(role);
            }
        }

        return missing;
    }

    private async Task<UserAccountResult> AuditedAsync(IdentityResult result, string action, PortalUser user)
    {
        if (!result.Succeeded)
        {
            return Failed(result);
        }

        await auditLog.WriteAsync(action, user.UserName).ConfigureAwait(false);
        return UserAccountResult.Success(user.Id);
    }

    private static UserAccountResult Failed(IdentityResult result) =>
        UserAccountResult.Failed(result.Errors.Select(e => e.Description));
}
