using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Security;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Tests;

public sealed class SignInTests
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountForFifteenMinutes_EvenWithTheRightPasswordAfter()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "bientap");

        await using var scope = host.Scope(a);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var user = (await signIn.UserManager.FindByNameAsync("bientap"))!;
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await signIn.CheckPasswordSignInAsync(user, "Sai-mat-khau1", lockoutOnFailure: true);
            Assert.False(failed.IsLockedOut, $"locked after {attempt} attempts");
        }

        Assert.True((await signIn.CheckPasswordSignInAsync(user, "Sai-mat-khau1", lockoutOnFailure: true)).IsLockedOut);
        Assert.True((await signIn.CheckPasswordSignInAsync(user, UsersTestHost.StrongPassword, lockoutOnFailure: true)).IsLockedOut);
        var lockedFor = user.LockoutEnd!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(lockedFor, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task AdministratorLock_HoldsUntilUnlocked()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "bientap");

        await using var scope = host.Scope(a);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var user = (await signIn.UserManager.FindByNameAsync("bientap"))!;

        Assert.True((await accounts.LockAsync(user)).Succeeded);
        Assert.Equal(DateTimeOffset.MaxValue, user.LockoutEnd);
        Assert.True((await signIn.CheckPasswordSignInAsync(user, UsersTestHost.StrongPassword, lockoutOnFailure: true)).IsLockedOut);
        Assert.True((await accounts.FindAsync("bientap"))!.IsLockedOut);

        Assert.True((await accounts.UnlockAsync(user)).Succeeded);
        Assert.True((await signIn.CheckPasswordSignInAsync(user, UsersTestHost.StrongPassword, lockoutOnFailure: true)).Succeeded);
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("khongcochuso")]
    [InlineData("khongchuhoa123")]
    [InlineData("KHONGCHUTHUONG123")]
    public async Task WeakPassword_IsRefused(string password)
    {
        await using var host = new UsersTestHost();
        await using var scope = host.Scope(UsersTestHost.NewTenant("sotaichinh"));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var result = await users.CreateAsync(new PortalUser { UserName = "bientap" }, password);
        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.StartsWith("Mật khẩu", e.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Principal_CarriesTenantIdAndThePermissionsOfItsRoles()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateRoleAsync(a, "Quản trị hệ thống", PermissionPolicies.All);
        await host.CreateRoleAsync(a, "Biên tập viên", nameof(Permissions.AccessAdmin), nameof(Permissions.ManageUsers));
        await host.CreateUserAsync(a, "quantri", UsersTestHost.StrongPassword, "Quản trị hệ thống");
        await host.CreateUserAsync(a, "bientap", UsersTestHost.StrongPassword, "Biên tập viên");

        await using var scope = host.Scope(a);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var admin = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByNameAsync("quantri"))!);
        var editor = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByNameAsync("bientap"))!);

        Assert.Equal(a.Id, admin.FindFirstValue(TenantClaims.ClaimType));
        Assert.Equal(a.Id, editor.FindFirstValue(TenantClaims.ClaimType));
        Assert.True(admin.IsInRole("Quản trị hệ thống"));
        Assert.True(admin.HasPermission("ManageTenants"));
        Assert.True(editor.HasPermission(nameof(Permissions.ManageUsers)));
        Assert.False(editor.HasPermission(nameof(Permissions.ManageRoles)));
    }

    [Theory]
    [InlineData(false, HostOnlyCookieManager.PlainName)]
    [InlineData(true, HostOnlyCookieManager.SecureName)]
    public async Task PasswordSignIn_SetsAHostOnlyCookie_NamedByScheme(bool https, string cookieName)
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "bientap");

        await using var scope = host.Scope(a, https);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var result = await signIn.PasswordSignInAsync("bientap", UsersTestHost.StrongPassword, isPersistent: false, lockoutOnFailure: true);

        Assert.True(result.Succeeded);
        var setCookie = signIn.Context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith(cookieName + "=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(https, setCookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CookieOptions_UseThePortalPathsAndTheTenantBoundTicketFormat()
    {
        await using var host = new UsersTestHost();
        var options = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal("/admin/login", options.LoginPath);
        Assert.Equal("/admin/logout", options.LogoutPath);
        Assert.Equal("/admin/access-denied", options.AccessDeniedPath);
        Assert.IsType<TenantTicketDataFormat>(options.TicketDataFormat);
        Assert.IsType<HostOnlyCookieManager>(options.CookieManager);
        Assert.Null(options.Cookie.Domain);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, options.Cookie.SecurePolicy);
    }
}
