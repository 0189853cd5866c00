using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Tests;

public sealed class TenantIsolationTests
{
    [Fact]
    public async Task SameUserName_InTwoTenants_IsTwoAccountsWithTheirOwnPasswords()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var b = UsersTestHost.NewTenant("sotuphap");
        var userA = await host.CreateUserAsync(a, "admin", "Tenant-A-pass1");
        var userB = await host.CreateUserAsync(b, "admin", "Tenant-B-pass2");

        Assert.NotEqual(userA.Id, userB.Id);
        Assert.Equal(a.Id, userA.TenantId);
        Assert.Equal(b.Id, userB.TenantId);

        await using var scopeB = host.Scope(b);
        var users = scopeB.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var found = await users.FindByNameAsync("ADMIN");
        Assert.NotNull(found);
        Assert.Equal(userB.Id, found.Id);
        Assert.True(await users.CheckPasswordAsync(found, "Tenant-B-pass2"));
        Assert.False(await users.CheckPasswordAsync(found, "Tenant-A-pass1"));
    }

    [Fact]
    public async Task UserOfTenantA_IsNotFoundAndCannotSignIn_OnTenantB()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var b = UsersTestHost.NewTenant("sotuphap");
        var userA = await host.CreateUserAsync(a, "bientap");

        await using var scopeB = host.Scope(b);
        var users = scopeB.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.Null(await users.FindByNameAsync("bientap"));
        Assert.Null(await users.FindByIdAsync(userA.Id));

        var signIn = scopeB.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var result = await signIn.PasswordSignInAsync("bientap", UsersTestHost.StrongPassword, isPersistent: false, lockoutOnFailure: true);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task DuplicateUserName_InOneTenant_IsRefusedByIdentityAndByTheIndex()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "admin");

        await using var scope = host.Scope(a);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var result = await users.CreateAsync(new PortalUser { UserName = "Admin" }, UsersTestHost.StrongPassword);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(IdentityErrorDescriber.DuplicateUserName), error.Code);
        Assert.Contains("đã được sử dụng", error.Description, StringComparison.Ordinal);

        // Past Identity's own check, the (TenantId, NormalizedUserName) unique index still holds.
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Add(new PortalUser { UserName = "admin", NormalizedUserName = "ADMIN", SecurityStamp = "x" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SameRoleName_InTwoTenants_IsAllowed_ButNotTwiceInOne()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var b = UsersTestHost.NewTenant("sotuphap");
        await host.CreateRoleAsync(a, "Biên tập viên");
        await host.CreateRoleAsync(b, "Biên tập viên");

        await using var scope = host.Scope(a);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<PortalRole>>();
        Assert.Single(await roles.Roles.ToListAsync());
        var result = await roles.CreateAsync(new PortalRole("Biên tập viên"));
        Assert.Equal(nameof(IdentityErrorDescriber.DuplicateRoleName), Assert.Single(result.Errors).Code);
    }
}
