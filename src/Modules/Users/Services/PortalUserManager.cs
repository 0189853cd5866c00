using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Identity's user manager, plus what every password change must leave behind whatever the path:
/// the time it was set (for the maximum age) and its hash in the account's history (for the rule
/// against reuse), saved with the account in the same <c>SaveChanges</c>.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    PortalDbContext db,
    TimeProvider clock)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>Hashes kept per account: the most any tenant may ask to compare (<c>HistoryCount</c> at most 24).</summary>
    public const int HistoryKept = 24;

    protected override async Task<IdentityResult> UpdatePasswordHash(PortalUser user, string newPassword, bool validatePassword)
    {
        var result = await base.UpdatePasswordHash(user, newPassword, validatePassword).ConfigureAwait(false);
        if (!result.Succeeded || newPassword is null || user.PasswordHash is null)
        {
            return result;
        }

        var now = clock.GetUtcNow();
        user.PasswordChangedUtc = now;
        var history = db.Set<PasswordHistoryEntry>();
        history.RemoveRange(await history.Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.Id)
            .Skip(HistoryKept - 1)
            .ToListAsync(CancellationToken)
            .ConfigureAwait(false));
        history.Add(new PasswordHistoryEntry { UserId = user.Id, PasswordHash = user.PasswordHash, CreatedUtc = now });
        return result;
    }
}
