using Microsoft.AspNetCore.Identity;
using Portal.Core.Auditing;
using Portal.Core.Tenancy;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Two-factor sign-in of an account: enrolment with an authenticator app (TOTP) and ten recovery
/// codes shown once, new codes, turning it off, and an administrator's reset. Every change and every
/// refused code is audited.
/// </summary>
public sealed class TwoFactorAccounts(UserManager<PortalUser> userManager, IUserStore<PortalUser> store, IAuditLog auditLog, ICurrentTenant currentTenant)
{
    public const int RecoveryCodeCount = 10;

    public const string EnabledAction = "users.2fa-enabled";
    public const string EnrolFailedAction = "users.2fa-enrol-failed";
    public const string RecoveryCodesAction = "users.2fa-recovery-codes";
    public const string DisabledAction = "users.2fa-disabled";
    public const string ResetAction = "users.2fa-reset";
    public const string SignInFailedAction = "users.2fa-failed";
    public const string RecoveryCodeUsedAction = "users.2fa-recovery-code-used";

    /// <summary>
    /// The key the account's app is to be given, made on first use. Setting it straight through the
    /// store keeps the security stamp (Identity's reset would end the session that is enrolling).
    /// </summary>
    public async Task<string> PendingKeyAsync(PortalUser user)
    {
        if (await userManager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false) is { Length: > 0 } key)
        {
            return key;
        }

        key = userManager.GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<PortalUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None).ConfigureAwait(false);
        Check(await userManager.UpdateAsync(user).ConfigureAwait(false));
        return key;
    }

    /// <summary>The <c>otpauth://</c> address an authenticator app reads (from the QR code or typed in).</summary>
    public string AuthenticatorUri(PortalUser user, string key)
    {
        var issuer = currentTenant.Tenant?.DisplayName is { Length: > 0 } name ? name : "Portal";
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(user.UserName ?? "");
        return $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits={Totp.Digits}&period={Totp.StepSeconds}";
    }

    /// <summary>Turns two-factor sign-in on when <paramref name="code"/> is the app's current code; returns the recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(PortalUser user, string code)
    {
        if (!await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code).ConfigureAwait(false))
        {
            await auditLog.WriteAsync(EnrolFailedAction, user.UserName, "mã xác thực không đúng hoặc đã dùng").ConfigureAwait(false);
            return null;
        }

        Check(await userManager.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false));
        var codes = await NewCodesAsync(user).ConfigureAwait(false);
        await auditLog.WriteAsync(EnabledAction, user.UserName).ConfigureAwait(false);
        return codes;
    }

    /// <summary>Ten new recovery codes, each usable once; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(PortalUser user)
    {
        var codes = await NewCodesAsync(user).ConfigureAwait(false);
        await auditLog.WriteAsync(RecoveryCodesAction, user.UserName).ConfigureAwait(false);
        return codes;
    }

    public Task<int> RecoveryCodesLeftAsync(PortalUser user) => userManager.CountRecoveryCodesAsync(user);

    /// <summary>
    /// Off, with a new key and no recovery codes, so a later enrolment starts afresh: the owner's own
    /// choice (<see cref="DisabledAction"/>) or an administrator's reset of a lost phone (<see cref="ResetAction"/>).
    /// Ends the account's sessions.
    /// </summary>
    public async Task TurnOffAsync(PortalUser user, bool byAdministrator)
    {
        Check(await userManager.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false));
        await ((IUserTwoFactorRecoveryCodeStore<PortalUser>)store).ReplaceCodesAsync(user, [], CancellationToken.None).ConfigureAwait(false);
        await userManager.RemoveAuthenticationTokenAsync(user, PortalAuthenticatorTokenProvider.TokenProvider, PortalAuthenticatorTokenProvider.LastStepToken).ConfigureAwait(false);
        Check(await userManager.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false));
        await auditLog.WriteAsync(byAdministrator ? ResetAction : DisabledAction, user.UserName).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> NewCodesAsync(PortalUser user) =>
        [.. await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount).ConfigureAwait(false) ?? []];

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
