using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;
using Portal.Modules.Users.Settings;

namespace Portal.Modules.Users.Tests;

/// <summary>Password rules, history, self-service change and the changes an account owes (issue 7, findings 4 and 5).</summary>
public sealed class PasswordTests
{
    [Fact]
    public async Task OwnChange_NeedsTheCurrentPassword_AndAWrongOneIsAuditedAndChangesNothing()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "bientap");

        await using var scope = host.Scope(a);
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByNameAsync("bientap"))!;

        var refused = await accounts.ChangeOwnPasswordAsync(user, "Khong-dung-2026", "Mat-khau-moi-2026");
        Assert.False(refused.Succeeded);
        Assert.Equal(["Mật khẩu hiện tại không đúng."], refused.Errors);
        Assert.True(await users.CheckPasswordAsync(user, UsersTestHost.StrongPassword));
        Assert.True(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<AuditEntry>()
            .AnyAsync(e => e.Action == UserAccounts.PasswordChangeFailedAction && e.Subject == "bientap"));

        Assert.True((await accounts.ChangeOwnPasswordAsync(user, UsersTestHost.StrongPassword, "Mat-khau-moi-2026")).Succeeded);
        Assert.True(await users.CheckPasswordAsync(user, "Mat-khau-moi-2026"));
        Assert.False(await users.CheckPasswordAsync(user, UsersTestHost.StrongPassword));
    }

    [Fact]
    public async Task History_RefusesTheLastPasswords_OnEveryPath_AndKeepsOnlyHashes()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "bientap");

        await using var scope = host.Scope(a);
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("bientap"))!;
        Assert.True((await accounts.ChangeOwnPasswordAsync(user, UsersTestHost.StrongPassword, "Mat-khau-thu-2A")).Succeeded);

        // Back to the first password: refused by the owner's change and by an administrator's reset alike.
        var own = await accounts.ChangeOwnPasswordAsync(user, "Mat-khau-thu-2A", UsersTestHost.StrongPassword);
        var reset = await accounts.SetPasswordAsync(user, UsersTestHost.StrongPassword);
        foreach (var result in new[] { own, reset })
        {
            Assert.False(result.Succeeded);
            Assert.Contains("Không được dùng lại mật khẩu trùng với 5 mật khẩu gần nhất của tài khoản.", result.Errors);
        }

        // The current one is refused too; a new one is fine.
        Assert.False((await accounts.SetPasswordAsync(user, "Mat-khau-thu-2A")).Succeeded);
        Assert.True((await accounts.SetPasswordAsync(user, "Mat-khau-thu-3B")).Succeeded);

        var history = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PasswordHistoryEntry>().Where(h => h.UserId == user.Id).ToListAsync();
        Assert.Equal(3, history.Count);
        Assert.All(history, h => Assert.DoesNotContain("Mat-khau", h.PasswordHash, StringComparison.Ordinal));
        Assert.All(history, h => Assert.Equal(a.Id, h.TenantId));
    }

    [Fact]
    public async Task Rules_AreCheckedByTheValidator_WithVietnameseMessages()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await using var scope = host.Scope(a);
        var result = await scope.ServiceProvider.GetRequiredService<IUserAccounts>().CreateUserAsync("yeu", null, "matkhauyeu", []);

        Assert.False(result.Succeeded);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ hoa (A-Z).", result.Errors);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ số (0-9).", result.Errors);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IUserAccounts>().FindAsync("yeu"));
    }

    [Fact]
    public void Rules_FromSettings_AreOneImplementation()
    {
        var strict = new PasswordSettings { MinimumLength = 14, RequireNonAlphanumeric = true, HistoryCount = 0 };
        var errors = PasswordRules.Check("Mat-khau-2026", strict, new VietnameseIdentityErrorDescriber());
        Assert.Equal(["Mật khẩu phải có ít nhất 14 ký tự."], errors.Select(e => e.Description));
        Assert.Empty(PasswordRules.Check("Mat-khau-2026A", strict, new VietnameseIdentityErrorDescriber()));
        Assert.NotEmpty(PasswordRules.Check("Matkhau2026AB", strict, new VietnameseIdentityErrorDescriber()));
        Assert.Equal("Mật khẩu cần có ít nhất 14 ký tự, một chữ hoa (A-Z), một chữ thường (a-z), một chữ số (0-9) và một ký tự đặc biệt.", PasswordRules.Describe(strict));
    }

    [Fact]
    public async Task GeneratedPassword_FromARecipe_MustBeChanged_AndIsIssuedOnce_AChosenOneIsNot()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var recipe = RecipeParser.Parse("""
            {"name":"setup","steps":[{"name":"users","users":[
              {"userName":"admin","password":"{{adminPassword}}"},
              {"userName":"bientap","password":"Chon-San-2026"}
            ]}]}
            """, "setup.recipe.json");
        var run = new RecipeRun();
        var generated = Portal.Core.Security.PasswordGenerator.Generate();
        run.Variables[RecipeRun.AdminPasswordVariable] = generated;
        run.GeneratedPasswords.Add(generated);
        await host.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, a, run);

        var issued = Assert.Single(run.IssuedPasswords);
        Assert.Equal(("admin", generated, a.Id), (issued.UserName, issued.Password, issued.Tenant.Id));
        await using var scope = host.Scope(a);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.FindByNameAsync("admin"))!.MustChangePassword);
        Assert.False((await users.FindByNameAsync("bientap"))!.MustChangePassword);
    }

    [Fact]
    public async Task SignIn_CarriesWhatTheAccountOwes_AForcedChangeAndAPasswordPastItsMaximumAge()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "bientap");

        await using var scope = host.Scope(a);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        var user = (await users.FindByNameAsync("bientap"))!;
        Assert.NotNull(user.PasswordChangedUtc);
        Assert.False(Owes(await factory.CreateAsync(user)));

        user.PasswordChangedUtc = DateTimeOffset.UtcNow.AddDays(-(new PasswordSettings().MaximumAgeDays + 1));
        Assert.True(Owes(await factory.CreateAsync(user)));

        user.PasswordChangedUtc = DateTimeOffset.UtcNow;
        user.MustChangePassword = true;
        Assert.True(Owes(await factory.CreateAsync(user)));

        // The owner's change lifts it.
        await users.UpdateAsync(user);
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserAccounts>().ChangeOwnPasswordAsync(user, UsersTestHost.StrongPassword, "Mat-khau-moi-2026")).Succeeded);
        Assert.False(Owes(await factory.CreateAsync((await users.FindByNameAsync("bientap"))!)));

        static bool Owes(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == AccountSetup.MustChangePasswordClaim);
    }

    [Fact]
    public async Task AdministratorReset_CanForceAChange_AtTheNextSignIn()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "bientap");

        await using var scope = host.Scope(a);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByNameAsync("bientap"))!;
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserAccounts>().SetPasswordAsync(user, "Dat-lai-2026-Moi", mustChangePassword: true)).Succeeded);
        Assert.True((await users.FindByNameAsync("bientap"))!.MustChangePassword);
    }
}
