using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;
using Portal.Modules.Users.Settings;

namespace Portal.Modules.Users.Tests;

/// <summary>TOTP two-factor sign-in and its recovery codes (issue 7, finding 6).</summary>
public sealed class TwoFactorTests
{
    // RFC 6238, appendix B (SHA-1 key "12345678901234567890"), last six digits of each 8-digit value.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    [InlineData(20000000000, "353130")]
    public void Totp_MatchesTheRfcTestVectors(long unixSeconds, string expected)
    {
        var key = Totp.FromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")!;
        Assert.Equal(Encoding.ASCII.GetBytes("12345678901234567890"), key);
        Assert.Equal(expected, Totp.Format(Totp.Compute(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)))));
    }

    [Fact]
    public void Base32_IgnoresCaseSpacesAndPadding_AndRefusesOtherCharacters()
    {
        Assert.Equal(Totp.FromBase32("GEZDGNBV"), Totp.FromBase32("gezd gnbv=="));
        Assert.Null(Totp.FromBase32("GEZ1"));
        Assert.Null(Totp.FromBase32(" "));
    }

    [Fact]
    public async Task Enrolment_NeedsTheAppsCode_ACodeWorksOnce_AndStaleCodesAreRefused()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "bientap");

        await using var scope = host.Scope(a);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var twoFactor = scope.ServiceProvider.GetRequiredService<TwoFactorAccounts>();
        var user = (await users.FindByNameAsync("bientap"))!;
        var stamp = user.SecurityStamp;
        var key = await twoFactor.PendingKeyAsync(user);
        Assert.Equal(key, await twoFactor.PendingKeyAsync(user));
        Assert.Equal(stamp, user.SecurityStamp);
        Assert.StartsWith("otpauth://totp/", twoFactor.AuthenticatorUri(user, key), StringComparison.Ordinal);

        var bytes = Totp.FromBase32(key)!;
        var now = Totp.StepAt(DateTimeOffset.UtcNow);
        Assert.Null(await twoFactor.EnableAsync(user, Totp.Format(Totp.Compute(bytes, now - 10))));
        Assert.False(await users.GetTwoFactorEnabledAsync(user));

        var codes = await twoFactor.EnableAsync(user, Totp.Format(Totp.Compute(bytes, now)));
        Assert.NotNull(codes);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await users.GetTwoFactorEnabledAsync(user));

        // The same code again (replayed), an older one within the drift, a stale one: all refused.
        var provider = users.Options.Tokens.AuthenticatorTokenProvider;
        Assert.False(await users.VerifyTwoFactorTokenAsync(user, provider, Totp.Format(Totp.Compute(bytes, now))));
        Assert.False(await users.VerifyTwoFactorTokenAsync(user, provider, Totp.Format(Totp.Compute(bytes, now - 1))));
        Assert.False(await users.VerifyTwoFactorTokenAsync(user, provider, Totp.Format(Totp.Compute(bytes, now - 20))));
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, provider, Totp.Format(Totp.Compute(bytes, now + 1))));
    }

    [Fact]
    public async Task RecoveryCodes_AreHashedAtRest_AndEachWorksOnce_AndTheKeyIsEncrypted()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "bientap");

        await using var scope = host.Scope(a);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var twoFactor = scope.ServiceProvider.GetRequiredService<TwoFactorAccounts>();
        var user = (await users.FindByNameAsync("bientap"))!;
        var key = await twoFactor.PendingKeyAsync(user);
        var codes = (await twoFactor.EnableAsync(user, Totp.Format(Totp.Compute(Totp.FromBase32(key)!, Totp.StepAt(DateTimeOffset.UtcNow)))))!;

        var stored = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PortalUserToken>().Where(t => t.UserId == user.Id).ToListAsync();
        var all = string.Join("|", stored.Select(t => t.Value));
        Assert.All(codes, code => Assert.DoesNotContain(code, all, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(key, all, StringComparison.Ordinal);

        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3].ToLowerInvariant())).Succeeded);
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3])).Succeeded);
        Assert.Equal(9, await twoFactor.RecoveryCodesLeftAsync(user));

        // An administrator's reset: off, new key, no codes left.
        await twoFactor.TurnOffAsync(user, byAdministrator: true);
        Assert.False(await users.GetTwoFactorEnabledAsync(user));
        Assert.Equal(0, await twoFactor.RecoveryCodesLeftAsync(user));
        Assert.NotEqual(key, await users.GetAuthenticatorKeyAsync(user));
    }

    [Fact]
    public void Required_OnlyForAdministratorPermissions_WhenTheTenantSaysSo()
    {
        var on = new TwoFactorSettings { RequiredForAdministrators = true };
        Assert.True(AccountSetup.RequiresTwoFactor(Principal("*"), on));
        Assert.True(AccountSetup.RequiresTwoFactor(Principal("AccessAdmin", "ManageUsers"), on));
        Assert.True(AccountSetup.RequiresTwoFactor(Principal("ManageRoles"), on));
        Assert.True(AccountSetup.RequiresTwoFactor(Principal("ManageTenants"), on));
        Assert.True(AccountSetup.RequiresTwoFactor(Principal("ManageSettings"), on));
        Assert.False(AccountSetup.RequiresTwoFactor(Principal("AccessAdmin", "EditContent", "PublishContent"), on));
        Assert.False(AccountSetup.RequiresTwoFactor(Principal("*"), new TwoFactorSettings()));

        static System.Security.Claims.ClaimsPrincipal Principal(params string[] permissions) =>
            new(new System.Security.Claims.ClaimsIdentity(permissions.Select(p => new System.Security.Claims.Claim(Portal.Core.Security.PermissionPolicies.ClaimType, p)), "test"));
    }
}
