using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Pages.Admin;
using Portal.Modules.Users.Services;
using Portal.Modules.Users.Settings;
using Portal.Core.Settings;

namespace Portal.Integration.Tests;

/// <summary>
/// Accounts through the real app (issue 7, findings 4 to 6): a generated password must be changed
/// first, the owner's change needs the current password and refuses a recent one, an old password
/// forces a change, and two-factor sign-in with an authenticator app and recovery codes.
/// </summary>
public abstract partial class AccountTests<TFactory>(TFactory app) : PortalAppTests<TFactory>(app)
    where TFactory : PortalAppFactory
{
    private const string EditorRole = "Biên tập viên";

    [ProviderFact]
    public async Task GeneratedPassword_MustBeChangedFirst_TheChangeNeedsTheCurrentOne_AndRefusesTheSameAgain()
    {
        var provisioned = await ProvisionAsync("Sở Mật Khẩu " + Guid.NewGuid().ToString("N")[..6]);
        var site = provisioned.Tenant!;
        var generated = provisioned.InitialAdminPassword!;
        Assert.Equal(generated, Assert.Single(provisioned.IssuedPasswords).Password);
        using var client = App.ClientFor(site.HostNames[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "admin", generated)).StatusCode);

        // Every admin page sends the owner to the change page, and back afterwards.
        var contents = await client.GetAsync(new Uri("/admin/contents", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, contents.StatusCode);
        Assert.Equal("/admin/account/password?returnUrl=%2Fadmin%2Fcontents", contents.Headers.Location!.OriginalString);
        Assert.Contains("Bạn cần đổi mật khẩu trước khi tiếp tục", await client.GetStringAsync(new Uri("/admin/account/password", UriKind.Relative)), StringComparison.Ordinal);

        var wrongCurrent = await client.ChangePasswordAsync("Khong-Phai-2026-Mat-Khau", "Mat-Khau-Rieng-2026");
        Assert.Equal(HttpStatusCode.OK, wrongCurrent.StatusCode);
        Assert.Contains("Mật khẩu hiện tại không đúng.", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var same = await client.ChangePasswordAsync(generated, generated);
        Assert.Contains("Không được dùng lại mật khẩu trùng với 5 mật khẩu gần nhất", WebUtility.HtmlDecode(await same.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var changed = await client.PostFormAsync("/admin/account/password?returnUrl=%2Fadmin%2Fcontents", "/admin/account/password?returnUrl=%2Fadmin%2Fcontents", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = generated,
            ["Input.NewPassword"] = "Mat-Khau-Rieng-2026",
            ["Input.ConfirmPassword"] = "Mat-Khau-Rieng-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/admin/contents", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/contents", UriKind.Relative))).StatusCode);
        Assert.True(await AuditedAsync(site, UserAccounts.PasswordChangedAction, "admin"));
        Assert.True(await AuditedAsync(site, UserAccounts.PasswordChangeFailedAction, "admin"));

        // The generated password no longer signs in.
        using var other = App.ClientFor(site.HostNames[0]);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(other, "admin", generated)).StatusCode);
    }

    [ProviderFact]
    public async Task PasswordPastTheMaximumAge_SendsItsOwnerToChangeIt()
    {
        var site = await CreateTenantAsync("Sở Hạn Mật Khẩu " + Guid.NewGuid().ToString("N")[..6]);
        const string Password = "Bien-Tap-2026-Cu";
        await InTenantAsync(site, async sp =>
        {
            Assert.True((await sp.GetRequiredService<IUserAccounts>().CreateUserAsync("bientap", null, Password, [EditorRole])).Succeeded);
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByNameAsync("bientap"))!;
            user.PasswordChangedUtc = DateTimeOffset.UtcNow.AddDays(-91);
            return await users.UpdateAsync(user);
        });

        using var client = App.ClientFor(site.HostNames[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "bientap", Password)).StatusCode);
        var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/admin/account/password", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task TwoFactor_Enrolment_AndSignIn_WithComputedCodes_StaleOrReplayedCodesRefused_ARecoveryCodeWorksOnce()
    {
        var site = await CreateTenantAsync("Sở Hai Bước " + Guid.NewGuid().ToString("N")[..6]);
        const string Password = "Hai-Buoc-2026-Mat";
        Assert.True((await InTenantAsync(site, sp => sp.GetRequiredService<IUserAccounts>().CreateUserAsync("bientap", null, Password, [EditorRole]))).Succeeded);
        var host = site.HostNames[0];

        // Enrol: the page shows the key (and its QR code); the app's current code turns it on.
        using var enrolling = App.ClientFor(host);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(enrolling, "bientap", Password)).StatusCode);
        var page = await enrolling.GetStringAsync(new Uri("/admin/account/two-factor", UriKind.Relative));
        var key = Totp.FromBase32(SecretKey().Match(page).Groups[1].Value)!;
        Assert.Equal(32, SecretKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).Length);
        Assert.Contains("otpauth://totp/", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var qr = await enrolling.GetAsync(new Uri("/admin/account/two-factor?handler=QrCode", UriKind.Relative));
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);

        var step = Totp.StepAt(DateTimeOffset.UtcNow);
        var enabled = await enrolling.PostFormAsync("/admin/account/two-factor", "/admin/account/two-factor?handler=Enable", new Dictionary<string, string> { ["Code"] = Code(key, step) });
        var recoveryCodes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await enrolling.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        // Sign in again: the password leads to the second step; a stale or replayed code is refused.
        using var client = App.ClientFor(host);
        var first = await SignInAsync(client, "bientap", Password);
        Assert.Equal("/admin/login/two-factor", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        foreach (var refused in new[] { Code(key, step - 10), Code(key, step) })
        {
            var answer = await SecondStepAsync(client, "Code", refused);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains(LoginTwoFactorModel.CodeRefused, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var signedIn = await SecondStepAsync(client, "Code", Code(key, step + 1));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        // A recovery code signs in once; the same code again is refused.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var phoneLost = App.ClientFor(host);
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(phoneLost, "bientap", Password)).StatusCode);
            var answer = await SecondStepAsync(phoneLost, "RecoveryCode", recoveryCodes[0]);
            if (attempt == 0)
            {
                Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            }
            else
            {
                Assert.Contains(LoginTwoFactorModel.RecoveryCodeRefused, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.Redirect, (await phoneLost.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
            }
        }

        foreach (var action in new[] { TwoFactorAccounts.EnabledAction, TwoFactorAccounts.SignInFailedAction, TwoFactorAccounts.RecoveryCodeUsedAction })
        {
            Assert.True(await AuditedAsync(site, action, "bientap"), action);
        }
    }

    [ProviderFact]
    public async Task ProvincePortal_RequiresTwoFactorOfItsAdministrators_WhoAreSentToEnrol_EditorsAreNot()
    {
        Assert.True((await WithPortalAsync(sp => sp.GetRequiredService<ITenantSettings>().GetAsync<TwoFactorSettings>().AsTask())).RequiredForAdministrators);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        const string Password = "Quan-Tri-Tinh-2026";
        await WithPortalAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<IUserAccounts>();
            Assert.True((await accounts.CreateUserAsync("quantri" + suffix, null, Password, ["Quản trị hệ thống"])).Succeeded);
            Assert.True((await accounts.CreateUserAsync("bientap" + suffix, null, Password, [EditorRole])).Succeeded);
            return 0;
        });

        // An administrator goes from the password straight to enrolment, and nowhere else until enrolled.
        using var admin = App.ClientFor(PortalAppFactory.HostOf("Default"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(admin, "quantri" + suffix, Password)).StatusCode);
        var users = await admin.GetAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Equal("/admin/account/two-factor?returnUrl=%2Fadmin%2Fusers", users.Headers.Location!.OriginalString);
        Assert.Contains("phải dùng xác thực hai bước", await admin.GetStringAsync(new Uri("/admin/account/two-factor", UriKind.Relative)), StringComparison.Ordinal);
        await admin.EnrolTwoFactorAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin/users", UriKind.Relative))).StatusCode);
        Assert.True(await AuditedAsync(Portal(), TwoFactorAccounts.EnabledAction, "quantri" + suffix));

        // An editor holds no administrator's permission.
        using var editor = App.ClientFor(PortalAppFactory.HostOf("Default"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(editor, "bientap" + suffix, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [ProviderFact]
    public async Task ComponentSite_TwoFactorAndPasswordRules_AreItsOwnSettings()
    {
        var site = await CreateTenantAsync("Sở Cài Đặt " + Guid.NewGuid().ToString("N")[..6]);
        var other = await CreateTenantAsync("Sở Khác " + Guid.NewGuid().ToString("N")[..6]);
        const string Password = "Quan-Tri-2026-So";
        Assert.True((await InTenantAsync(site, sp => sp.GetRequiredService<IUserAccounts>().CreateUserAsync("quantri", null, Password, ["Quản trị hệ thống"]))).Succeeded);

        // Off by default on a component site.
        using (var before = App.ClientFor(site.HostNames[0]))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(before, "quantri", Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        }

        // Turned on (as the settings page or a recipe does): the next sign-in must enrol.
        Assert.True((await InTenantAsync(site, sp => sp.GetRequiredService<ITenantSettings>().SaveAsync(new TwoFactorSettings { RequiredForAdministrators = true }))).Succeeded);
        using (var after = App.ClientFor(site.HostNames[0]))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(after, "quantri", Password)).StatusCode);
            Assert.StartsWith("/admin/account/two-factor", (await after.GetAsync(new Uri("/admin", UriKind.Relative))).Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // Stricter password rules on this site only.
        Assert.True((await InTenantAsync(site, sp => sp.GetRequiredService<ITenantSettings>().SaveAsync(new PasswordSettings { MinimumLength = 16, RequireNonAlphanumeric = true }))).Succeeded);
        var refused = await InTenantAsync(site, sp => sp.GetRequiredService<IUserAccounts>().CreateUserAsync("bientap", null, "Bien-Tap-2026", []));
        Assert.Contains("Mật khẩu phải có ít nhất 16 ký tự.", refused.Errors);
        Assert.True((await InTenantAsync(other, sp => sp.GetRequiredService<IUserAccounts>().CreateUserAsync("bientap", null, "Bien-Tap-2026", []))).Succeeded);
    }

    private static Task<HttpResponseMessage> SecondStepAsync(HttpClient client, string field, string value) =>
        client.PostFormAsync(AdminRoutesSecondStep, AdminRoutesSecondStep, new Dictionary<string, string> { [field] = value });

    private const string AdminRoutesSecondStep = AdminRoutes.SignInSecondStep;

    private static string Code(byte[] key, long step) => Totp.Format(Totp.Compute(key, step));

    private Task<bool> AuditedAsync(TenantDescriptor site, string action, string subject) =>
        InTenantAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().AnyAsync(e => e.Action == action && e.Subject == subject));

    [GeneratedRegex("<code class=\"secret-key\">([A-Z2-7 ]+)</code>")]
    private static partial Regex SecretKey();

    [GeneratedRegex("<li><code>([A-Z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}

public sealed class SqliteAccountTests(SqliteAppFactory app) : AccountTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresAccountTests(PostgresAppFactory app) : AccountTests<PostgresAppFactory>(app);
