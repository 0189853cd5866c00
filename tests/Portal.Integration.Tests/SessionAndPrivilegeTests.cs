using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;
using Portal.Modules.Users.Settings;

namespace Portal.Integration.Tests;

/// <summary>
/// Accounts (issue 7, findings 2 and 3) on both providers: the privilege ceiling of user and role
/// management, and the server-side session list (sign-out, ending a session, the lists).
/// </summary>
public abstract partial class SessionAndPrivilegeTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : SecurityAppFactoryBase
{
    private const string Site = "sotaichinh";
    private const string AdminRole = "Quản trị hệ thống";
    private const string Password = "Nguoi-Dung-Thu-2026";
    private static readonly string Host = PortalAppFactory.HostOf(Site);

    // --- Finding 3: privilege ceiling -------------------------------------------------------------

    [ProviderFact]
    public async Task AUserManager_CannotGiveThemselvesOrOthersTheAdminRole()
    {
        var (manager, managerRole) = await CreateManagerAsync();
        using var client = await SignedInAsync(manager);
        var self = await UserIdAsync(manager);

        var form = await client.GetStringAsync(new Uri($"/admin/users/{self}/edit", UriKind.Relative));
        Assert.Contains($"value=\"{managerRole}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{AdminRole}\"", form, StringComparison.Ordinal);

        var promoted = await PostAsync(client, $"/admin/users/{self}/edit", form,
            ("Input.UserName", manager), ("Input.Roles", managerRole), ("Input.Roles", AdminRole));
        Assert.Equal(HttpStatusCode.Forbidden, promoted.StatusCode);
        Assert.Contains("Bạn không thể gán vai trò", await promoted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(AdminRole, await RolesOfAsync(manager));

        var newName = "phu" + Guid.NewGuid().ToString("N")[..8];
        var created = await PostAsync(client, "/admin/users/create", await client.GetStringAsync(new Uri("/admin/users/create", UriKind.Relative)),
            ("Input.UserName", newName), ("Input.Password", Password), ("Input.ConfirmPassword", Password), ("Input.Roles", AdminRole));
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Null(await InSiteAsync(sp => sp.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(newName)));

        var denied = await DeniedAsync(manager);
        Assert.Contains(denied, e => e.Subject == manager);
        Assert.Contains(denied, e => e.Subject == newName);
    }

    [ProviderFact]
    public async Task AUserManager_CannotTickFullRightsOrARightTheyLack_OnTheirOwnRole()
    {
        var (manager, managerRole) = await CreateManagerAsync();
        using var client = await SignedInAsync(manager);
        var roleId = await InSiteAsync(async sp => (await sp.GetRequiredService<RoleManager<PortalRole>>().FindByNameAsync(managerRole))!.Id);
        var page = $"/admin/roles/{roleId}/edit";

        var form = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.DoesNotContain($"value=\"{PermissionPolicies.All}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"PublishContent\"", form, StringComparison.Ordinal);

        foreach (var extra in new[] { PermissionPolicies.All, "PublishContent" })
        {
            var response = await PostAsync(client, page, form,
                ("Selected", "AccessAdmin"), ("Selected", "ManageUsers"), ("Selected", "ManageRoles"), ("Selected", extra));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(["AccessAdmin", "ManageRoles", "ManageUsers"], await PermissionsOfRoleAsync(managerRole));
        Assert.Equal(2, (await DeniedAsync(manager)).Count(e => e.Subject == managerRole));
    }

    [ProviderFact]
    public async Task AUserManager_CannotResetTheAdminPassword_NorEditOrLockAStrongerAccount()
    {
        var (manager, _) = await CreateManagerAsync();
        var chief = await CreateUserAsync("Trưởng ban biên tập");
        using var client = await SignedInAsync(manager);
        var adminId = await UserIdAsync("admin");

        var adminPage = await client.GetStringAsync(new Uri($"/admin/users/{adminId}/edit", UriKind.Relative));
        Assert.DoesNotContain("Input.Password", adminPage, StringComparison.Ordinal);
        var reset = await PostAsync(client, $"/admin/users/{adminId}/edit", adminPage,
            ("Input.UserName", "admin"), ("Input.Password", "Mat-Khau-Moi-2026"), ("Input.ConfirmPassword", "Mat-Khau-Moi-2026"), ("Input.Roles", AdminRole));
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"/admin/users/{adminId}/edit?handler=Lock", adminPage)).StatusCode);

        var chiefId = await UserIdAsync(chief);
        var renamed = await PostAsync(client, $"/admin/users/{chiefId}/edit", adminPage, ("Input.UserName", chief + "x"), ("Input.Roles", "Trưởng ban biên tập"));
        Assert.Equal(HttpStatusCode.Forbidden, renamed.StatusCode);

        await InSiteAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var admin = (await users.FindByIdAsync(adminId))!;
            Assert.True(await users.CheckPasswordAsync(admin, PortalAppFactory.AdminPassword));
            Assert.False(await users.IsLockedOutAsync(admin));
            Assert.NotNull(await users.FindByNameAsync(chief));
            return 0;
        });
        var denied = await DeniedAsync(manager);
        Assert.Equal(2, denied.Count(e => e.Subject == "admin"));
        Assert.Contains(denied, e => e.Subject == chief);
    }

    [ProviderFact]
    public async Task AFullRightsAdmin_CanGrantTheAdminRoleAndFullRights()
    {
        using var client = await SignedInAsync("admin", PortalAppFactory.AdminPassword);
        var newName = "quantri" + Guid.NewGuid().ToString("N")[..8];
        var created = await PostAsync(client, "/admin/users/create", await client.GetStringAsync(new Uri("/admin/users/create", UriKind.Relative)),
            ("Input.UserName", newName), ("Input.Password", Password), ("Input.ConfirmPassword", Password), ("Input.Roles", AdminRole));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal([AdminRole], await RolesOfAsync(newName));

        var (_, role) = await CreateManagerAsync();
        var roleId = await InSiteAsync(async sp => (await sp.GetRequiredService<RoleManager<PortalRole>>().FindByNameAsync(role))!.Id);
        var page = $"/admin/roles/{roleId}/edit";
        var form = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains($"value=\"{PermissionPolicies.All}\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, page, form, ("Selected", PermissionPolicies.All))).StatusCode);
        Assert.Equal([PermissionPolicies.All], await PermissionsOfRoleAsync(role));
    }

    [ProviderFact]
    public async Task ResettingAnAdministratorsPassword_AsksForTheActorsOwnPassword()
    {
        var (target, targetRole) = await CreateManagerAsync();
        using var client = await SignedInAsync("admin", PortalAppFactory.AdminPassword);
        var id = await UserIdAsync(target);
        var page = await client.GetStringAsync(new Uri($"/admin/users/{id}/edit", UriKind.Relative));
        Assert.Contains("Input.ActorPassword", page, StringComparison.Ordinal);

        const string NewPassword = "Mat-Khau-Moi-2026";
        foreach (var actorPassword in new[] { "", "Sai-Mat-Khau-2026" })
        {
            var refused = await PostAsync(client, $"/admin/users/{id}/edit", page, ("Input.UserName", target), ("Input.Roles", targetRole),
                ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword), ("Input.ActorPassword", actorPassword));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains(PrivilegeCeiling.ReauthenticationFailed, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(await ChecksPasswordAsync(target, Password));
        Assert.Equal(2, (await DeniedAsync("admin")).Count(e => e.Subject == target));

        var accepted = await PostAsync(client, $"/admin/users/{id}/edit", page, ("Input.UserName", target), ("Input.Roles", targetRole),
            ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword), ("Input.ActorPassword", PortalAppFactory.AdminPassword));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await ChecksPasswordAsync(target, NewPassword));
    }

    // --- Finding 2: server-side sessions ------------------------------------------------------------

    [ProviderFact]
    public async Task SignOut_EndsOnlyThatSession_AndItsReplayedCookieIsRefused()
    {
        var userName = await CreateUserAsync("Biên tập viên");
        using var laptop = await SignedInAsync(userName);
        using var phone = await SignedInAsync(userName);
        var cookie = await SessionCookieAsync(laptop);

        var dashboard = await laptop.GetStringAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(laptop, "/admin/logout", dashboard)).StatusCode);

        AssertSentToSignIn(await WithCookieAsync(cookie, "/admin"));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        var ended = await InSiteAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<UserSession>().Where(s => s.EndReason == SessionEndReasons.SignedOut).Select(s => s.EndedBy).ToListAsync());
        Assert.Contains(userName, ended);
    }

    [ProviderFact]
    public async Task AnAdministrator_EndsOneSessionOfAUser_ItsNextRequestIsRefused_AndTheOtherStays()
    {
        var userName = await CreateUserAsync("Biên tập viên");
        using var laptop = await SignedInAsync(userName);
        using var phone = await SignedInAsync(userName);
        var laptopSession = CurrentSessionOf(await laptop.GetStringAsync(new Uri("/admin/sessions", UriKind.Relative)));

        using var admin = await SignedInAsync("admin", PortalAppFactory.AdminPassword);
        var id = await UserIdAsync(userName);
        var page = await admin.GetStringAsync(new Uri($"/admin/users/{id}/edit", UriKind.Relative));
        Assert.Equal(2, SessionIdField().Count(page));
        Assert.Contains(laptopSession, page, StringComparison.Ordinal);

        var ended = await PostAsync(admin, $"/admin/users/{id}/edit?handler=EndSession", page, ("sessionId", laptopSession));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        AssertSentToSignIn(await laptop.GetAsync(new Uri("/admin", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        Assert.Single(SessionIdField().Matches(await admin.GetStringAsync(new Uri($"/admin/users/{id}/edit", UriKind.Relative))));
        Assert.Contains(await AuditAsync(UserSessions.EndedAction), e => e.Subject == userName && e.Actor == "admin");
    }

    [ProviderFact]
    public async Task AUserSeesTheirOwnSessions_AndEndsTheOthers()
    {
        var userName = await CreateUserAsync("Biên tập viên");
        using var laptop = await SignedInAsync(userName);
        using var phone = await SignedInAsync(userName);

        var own = await laptop.GetStringAsync(new Uri("/admin/sessions", UriKind.Relative));
        Assert.Contains("Phiên đăng nhập", own, StringComparison.Ordinal);
        Assert.Equal(2, SessionIdField().Count(own));
        Assert.Matches(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", own);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(laptop, "/admin/sessions?handler=EndSessions", own)).StatusCode);
        AssertSentToSignIn(await phone.GetAsync(new Uri("/admin", UriKind.Relative)));
        Assert.Single(SessionIdField().Matches(await laptop.GetStringAsync(new Uri("/admin/sessions", UriKind.Relative))));
        Assert.Contains(await AuditAsync(UserSessions.EndedAction), e => e.Subject == userName && e.Actor == userName);
    }

    [ProviderFact]
    public async Task ALockedAccount_LosesEverySession_AndTheListShowsNone()
    {
        var userName = await CreateUserAsync("Biên tập viên");
        using var laptop = await SignedInAsync(userName);
        await InSiteAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
            Assert.True((await sp.GetRequiredService<UserAccounts>().LockAsync(user!)).Succeeded);
            return 0;
        });

        AssertSentToSignIn(await laptop.GetAsync(new Uri("/admin", UriKind.Relative)));
        using var admin = await SignedInAsync("admin", PortalAppFactory.AdminPassword);
        Assert.Empty(SessionIdField().Matches(await admin.GetStringAsync(new Uri($"/admin/users/{await UserIdAsync(userName)}/edit", UriKind.Relative))));
    }

    [ProviderFact]
    public async Task IdleAndAbsoluteLimits_AreEachTenantsOwnSettings()
    {
        var site = await app.CreateTenantAsync("Sở Phiên Thử " + Guid.NewGuid().ToString("N")[..6]);
        var saved = await app.InTenantAsync(site, sp => sp.GetRequiredService<ITenantSettings>().SaveAsync(new SessionSettings { IdleTimeoutMinutes = 10, AbsoluteTimeoutHours = 1 }));
        Assert.True(saved.Succeeded);
        var refused = await app.InTenantAsync(site, sp => sp.GetRequiredService<ITenantSettings>().SaveAsync(new SessionSettings { IdleTimeoutMinutes = 1 }));
        Assert.Equal(nameof(SessionSettings.IdleTimeoutMinutes), Assert.Single(refused.Errors).Member);

        var userName = "nguoidung" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(await app.InTenantAsync(site, async sp => (await sp.GetRequiredService<IUserAccounts>().CreateUserAsync(userName, null, Password, ["Biên tập viên"])).Succeeded));
        var siteHost = site.HostNames[0];
        using var strict = await SignedInAsync(userName, Password, siteHost);
        using var relaxed = await SignedInAsync(await CreateUserAsync("Biên tập viên"));

        // Idle: 11 minutes ends the site's 10-minute session; the other tenant keeps its default 30.
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        AssertSentToSignIn(await strict.GetAsync(new Uri("/admin", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, (await relaxed.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        // Absolute: a request every 9 minutes keeps it alive until one hour after the password.
        Assert.Equal(HttpStatusCode.Redirect, (await strict.SignInAsync(userName, Password)).StatusCode);
        for (var i = 0; i < 6; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(9));
            Assert.Equal(HttpStatusCode.OK, (await strict.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(9));
        AssertSentToSignIn(await strict.GetAsync(new Uri("/admin", UriKind.Relative)));
        var reasons = await app.InTenantAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<UserSession>().Select(s => s.EndReason).ToListAsync());
        Assert.Contains(SessionEndReasons.Idle, reasons);
        Assert.Contains(SessionEndReasons.Absolute, reasons);
    }

    [ProviderFact]
    public async Task TheSessionLimits_AreOnTheSitesSettingsPage()
    {
        using var admin = await SignedInAsync("admin", PortalAppFactory.AdminPassword);
        var page = await admin.GetStringAsync(new Uri("/admin/settings/sessions", UriKind.Relative));
        Assert.Contains("Thời gian chờ khi không thao tác (phút)", page, StringComparison.Ordinal);
        try
        {
            var saved = await PostAsync(admin, "/admin/settings/sessions", page, ("IdleTimeoutMinutes", "45"), ("AbsoluteTimeoutHours", "4"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var settings = await InSiteAsync(sp => sp.GetRequiredService<ITenantSettings>().GetAsync<SessionSettings>().AsTask());
            Assert.Equal((45, 4), (settings.IdleTimeoutMinutes, settings.AbsoluteTimeoutHours));
        }
        finally
        {
            await InSiteAsync(sp => sp.GetRequiredService<ITenantSettings>().SaveAsync(new SessionSettings()));
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private async Task<HttpClient> SignedInAsync(string userName, string password = Password, string? host = null)
    {
        var client = app.ClientFrom(host ?? Host);
        var response = await client.SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts a form with repeated fields, carrying the anti-forgery token of <paramref name="html"/>.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string action, string html, params (string Name, string Value)[] fields) =>
        client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", PortalAppTestExtensions.AntiforgeryToken(html)))));

    private static async Task<string> SessionCookieAsync(HttpClient client)
    {
        // The client's cookie container adds the Cookie header to the request it sends: read it there.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return request.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : throw new Xunit.Sdk.XunitException("no cookie sent");
    }

    private async Task<HttpResponseMessage> WithCookieAsync(string cookie, string path)
    {
        using var thief = app.ClientFrom(Host, handleCookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await thief.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    private static string CurrentSessionOf(string html) => CurrentSession().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("no current session on the page");

    /// <summary>A role that manages users and roles (an administrator, without full rights) and a user holding it.</summary>
    private async Task<(string UserName, string Role)> CreateManagerAsync()
    {
        var role = "Quản lý tài khoản " + Guid.NewGuid().ToString("N")[..6];
        await InSiteAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<PortalRole>>();
            Assert.True((await roles.CreateAsync(new PortalRole(role))).Succeeded);
            await sp.GetRequiredService<RolePermissions>().SetAsync((await roles.FindByNameAsync(role))!, ["AccessAdmin", "ManageUsers", "ManageRoles"]);
            return 0;
        });
        return (await CreateUserAsync(role), role);
    }

    private async Task<string> CreateUserAsync(string role)
    {
        var userName = "nguoidung" + Guid.NewGuid().ToString("N")[..8];
        await InSiteAsync(async sp =>
        {
            var created = await sp.GetRequiredService<IUserAccounts>().CreateUserAsync(userName, null, Password, [role]);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            return 0;
        });
        return userName;
    }

    private Task<string> UserIdAsync(string userName) =>
        InSiteAsync(async sp => (await sp.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName))!.Id);

    private Task<List<string>> RolesOfAsync(string userName) =>
        InSiteAsync(async sp => (await sp.GetRequiredService<IUserAccounts>().FindAsync(userName))!.Roles.ToList());

    private Task<List<string>> PermissionsOfRoleAsync(string role) =>
        InSiteAsync(async sp => (await sp.GetRequiredService<RolePermissions>().GetAsync((await sp.GetRequiredService<RoleManager<PortalRole>>().FindByNameAsync(role))!)).ToList());

    private Task<bool> ChecksPasswordAsync(string userName, string password) =>
        InSiteAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
        });

    private async Task<List<AuditEntry>> DeniedAsync(string actor) =>
        (await AuditAsync(PrivilegeCeiling.DeniedAction)).Where(e => e.Actor == actor).ToList();

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        InSiteAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().Where(e => e.Action == action).ToListAsync());

    private async Task<T> InSiteAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var tenant = app.Services.GetRequiredService<ITenantDirectory>().FindByName(Site)!;
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await work(scope.ServiceProvider);
    }

    [GeneratedRegex("name=\"sessionId\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex SessionIdField();

    [GeneratedRegex("<tr class=\"current\">.*?name=\"sessionId\" value=\"([0-9a-f]{32})\"", RegexOptions.Singleline)]
    private static partial Regex CurrentSession();
}

public sealed class SqliteSessionAndPrivilegeTests(SecurityAppFactory app) : SessionAndPrivilegeTests<SecurityAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresSessionAndPrivilegeTests(PostgresSecurityAppFactory app) : SessionAndPrivilegeTests<PostgresSecurityAppFactory>(app);
