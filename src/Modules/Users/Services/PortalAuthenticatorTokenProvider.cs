using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Services;

/// <summary>
/// The authenticator-app codes of two-factor sign-in, in place of Identity's own provider (same key
/// store, same apps): a code is accepted for its 30-second step and the one either side (clock drift),
/// and each step only once, so a code seen over a shoulder or replayed, or any older code, is refused.
/// </summary>
public sealed class PortalAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    /// <summary>Where the last accepted step is kept, among the account's Identity tokens.</summary>
    public const string TokenProvider = "[Portal]";
    public const string LastStepToken = "AuthenticatorLastStep";

    /// <summary>Steps accepted either side of the current one.</summary>
    public const int Drift = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false));
    }

    /// <summary>The app computes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var digits = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length != Totp.Digits || !digits.All(char.IsAsciiDigit)
            || Totp.FromBase32(await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false)) is not { } key)
        {
            return false;
        }

        var code = int.Parse(digits, CultureInfo.InvariantCulture);
        var now = Totp.StepAt(clock.GetUtcNow());
        long? matched = null;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (Totp.Compute(key, step) == code)
            {
                matched = step;
            }
        }

        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken).ConfigureAwait(false), CultureInfo.InvariantCulture, out var value) ? value : long.MinValue;
        if (matched is not { } accepted || accepted <= last)
        {
            return false;
        }

        var saved = await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, accepted.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        return saved.Succeeded;
    }
}
