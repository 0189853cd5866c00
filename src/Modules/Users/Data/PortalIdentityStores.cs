using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Data;

/// <summary>
/// Identity's EF user store over the shared portal context; the tenant filter scopes every query.
/// Two-factor secrets are not kept as Identity keeps them: recovery codes are stored as hashes
/// (so a copy of the database redeems nothing) and the authenticator key is encrypted with the
/// data-protection key ring.
/// </summary>
public sealed class PortalUserStore(PortalDbContext context, IDataProtectionProvider dataProtection, TimeProvider clock, IdentityErrorDescriber? describer = null)
    : UserStore<PortalUser, PortalRole, PortalDbContext, string, PortalUserClaim, PortalUserRole, PortalUserLogin, PortalUserToken, PortalRoleClaim>(context, describer)
{
    /// <summary>Hashes kept per account: the most any tenant may ask to compare (<c>HistoryCount</c> at most 24).</summary>
    public const int HistoryKept = 24;

    private readonly IDataProtector _keyProtector = dataProtection.CreateProtector("Portal.Users.AuthenticatorKey");

    /// <summary>
    /// Every path that sets a password (create, reset, change) ends here, after the tenant's rules were
    /// checked: the time it was set (for the maximum age) and its hash in the account's history (for the
    /// rule against reuse) are saved with the account, in the same <c>SaveChanges</c>.
    /// </summary>
    public override async Task SetPasswordHashAsync(PortalUser user, string? passwordHash, CancellationToken cancellationToken = default)
    {
        await base.SetPasswordHashAsync(user, passwordHash, cancellationToken).ConfigureAwait(false);
        if (passwordHash is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        user.PasswordChangedUtc = now;
        var history = Context.Set<PasswordHistoryEntry>();
        history.RemoveRange(await history.Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.Id)
            .Skip(HistoryKept - 1)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false));
        history.Add(new PasswordHistoryEntry { UserId = user.Id, PasswordHash = passwordHash, CreatedUtc = now });
    }

    public override Task ReplaceCodesAsync(PortalUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(code => HashRecoveryCode(user, code)), cancellationToken);

    public override Task<bool> RedeemCodeAsync(PortalUser user, string code, CancellationToken cancellationToken) =>
        base.RedeemCodeAsync(user, HashRecoveryCode(user, code), cancellationToken);

    public override Task SetAuthenticatorKeyAsync(PortalUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, _keyProtector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return _keyProtector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            // A key protected by a lost key ring: the account enrols again.
            return null;
        }
    }

    /// <summary>A recovery code as stored: SHA-256 of the account id and the code (case, spaces and dashes ignored).</summary>
    public static string HashRecoveryCode(PortalUser user, string code)
    {
        ArgumentNullException.ThrowIfNull(user);
        var normalized = new string((code ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id + ":" + normalized)));
    }

    // The tenant is part of the login's key, so it must be known before the row is tracked.
    protected override PortalUserLogin CreateUserLogin(PortalUser user, UserLoginInfo login)
    {
        var row = base.CreateUserLogin(user, login);
        row.TenantId = user.TenantId;
        return row;
    }
}

/// <summary>Identity's EF role store over the shared portal context.</summary>
public sealed class PortalRoleStore(PortalDbContext context, IdentityErrorDescriber? describer = null)
    : RoleStore<PortalRole, PortalDbContext, string, PortalUserRole, PortalRoleClaim>(context, describer);
