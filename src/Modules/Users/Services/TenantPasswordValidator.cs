using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Identity's password check for every path that sets a password (create, reset, change): the current
/// tenant's <see cref="Settings.PasswordSettings"/> through <see cref="PasswordRules"/>, and none of the
/// account's last <c>HistoryCount</c> passwords again. Replaces Identity's own validator, whose options
/// are global to the process.
/// </summary>
public sealed class TenantPasswordValidator(AccountSettings settings, PortalDbContext db) : IPasswordValidator<PortalUser>
{
    public const string ReusedCode = "PasswordReused";

    public async Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var rules = await settings.PasswordsAsync().ConfigureAwait(false);
        var errors = PasswordRules.Check(password ?? "", rules, manager.ErrorDescriber).ToList();
        if (errors.Count == 0 && rules.HistoryCount > 0 && await IsRecentAsync(manager, user, password!, rules.HistoryCount).ConfigureAwait(false))
        {
            errors.Add(new IdentityError
            {
                Code = ReusedCode,
                Description = $"Không được dùng lại mật khẩu trùng với {rules.HistoryCount} mật khẩu gần nhất của tài khoản.",
            });
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>The current password and the last <paramref name="count"/> stored hashes (the newest is usually the current one).</summary>
    private async Task<bool> IsRecentAsync(UserManager<PortalUser> manager, PortalUser user, string password, int count)
    {
        var hashes = await db.Set<PasswordHistoryEntry>()
            .Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.Id)
            .Take(count)
            .Select(h => h.PasswordHash)
            .ToListAsync()
            .ConfigureAwait(false);
        if (user.PasswordHash is { } current)
        {
            hashes.Insert(0, current);
        }

        return hashes.Distinct(StringComparer.Ordinal)
            .Any(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed);
    }
}
