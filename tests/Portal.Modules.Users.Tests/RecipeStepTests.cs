using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Tests;

public sealed class RecipeStepTests
{
    private const string RolesStep = """
        {"name":"roles","roles":[
          {"name":"Quản trị hệ thống","description":"Toàn quyền trên trang","permissions":["*"]},
          {"name":"Trưởng ban biên tập","permissions":["AccessAdmin","ManageUsers"]},
          {"name":"Phó trưởng ban biên tập","permissions":["AccessAdmin"]},
          {"name":"Biên tập viên","permissions":["AccessAdmin"]},
          {"name":"Cộng tác viên"}
        ]}
        """;

    private const string UsersStep = """
        {"name":"users","users":[
          {"userName":"admin","email":"admin@sotaichinh.thainguyen.gov.vn","password":"{{adminPassword}}","roles":["Quản trị hệ thống"]}
        ]}
        """;

    private static RecipeDocument Recipe(params string[] steps) =>
        RecipeParser.Parse($$"""{"name":"setup","steps":[{{string.Join(",", steps)}}]}""", "setup.recipe.json");

    private static async Task RunAsync(UsersTestHost host, TenantDescriptor tenant, RecipeDocument recipe, string adminPassword = "Quan-tri-2026")
    {
        var run = new RecipeRun();
        run.Variables["adminPassword"] = adminPassword;
        await host.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, tenant, run);
    }

    [Fact]
    public async Task RolesAndUsers_RunTwice_GiveTheSameRows_AndNeverResetAPassword()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var recipe = Recipe(RolesStep, UsersStep);
        await RunAsync(host, a, recipe);
        var first = await SnapshotAsync(host, a);

        // Someone changes the administrator's password; the next run must keep it.
        await using (var scope = host.Scope(a))
        {
            var changed = await scope.ServiceProvider.GetRequiredService<IUserAccounts>().SetPasswordAsync("admin", "Doi-mat-khau-99");
            Assert.True(changed.Succeeded, string.Join(" ", changed.Errors));
        }

        await RunAsync(host, a, recipe, adminPassword: "Khac-hoan-toan-1");
        var second = await SnapshotAsync(host, a);

        Assert.Equal(first.Rows, second.Rows);
        Assert.Equal(5, first.Rows.Count(r => r.StartsWith("role:", StringComparison.Ordinal)));
        Assert.Contains("claim:Quản trị hệ thống=*", first.Rows);
        Assert.Contains("claim:Trưởng ban biên tập=ManageUsers", first.Rows);
        Assert.Contains("user:admin[Quản trị hệ thống]", first.Rows);

        await using var check = host.Scope(a);
        var users = check.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = (await users.FindByNameAsync("admin"))!;
        Assert.True(await users.CheckPasswordAsync(admin, "Doi-mat-khau-99"));
        Assert.False(await users.CheckPasswordAsync(admin, "Khac-hoan-toan-1"));
    }

    [Fact]
    public async Task RolesStep_MakesAListedRoleGrantExactlyItsListedPermissions()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateRoleAsync(a, "Biên tập viên", "AccessAdmin", "ManageRoles");

        await RunAsync(host, a, Recipe("""{"name":"roles","roles":[{"name":"Biên tập viên","permissions":["AccessAdmin","ManageUsers"]}]}"""));

        await using var scope = host.Scope(a);
        var role = (await scope.ServiceProvider.GetRequiredService<RoleManager<PortalRole>>().FindByNameAsync("Biên tập viên"))!;
        var permissions = await scope.ServiceProvider.GetRequiredService<RolePermissions>().GetAsync(role);
        Assert.Equal(["AccessAdmin", "ManageUsers"], permissions);
    }

    [Fact]
    public async Task Recipes_ForTwoTenants_SeedTwoSeparateSets()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var b = UsersTestHost.NewTenant("sotuphap");
        await RunAsync(host, a, Recipe(RolesStep, UsersStep), "Mat-khau-cua-A1");
        await RunAsync(host, b, Recipe(RolesStep, UsersStep), "Mat-khau-cua-B2");

        Assert.Equal((await SnapshotAsync(host, a)).Rows, (await SnapshotAsync(host, b)).Rows);
        await using var scope = host.Scope(b);
        var account = await scope.ServiceProvider.GetRequiredService<IUserAccounts>().FindAsync("admin");
        Assert.NotNull(account);
        Assert.Equal(["Quản trị hệ thống"], account.Roles);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.False(await users.CheckPasswordAsync((await users.FindByIdAsync(account.Id))!, "Mat-khau-cua-A1"));
    }

    [Theory]
    [InlineData("""{"name":"roles"}""", "at $.steps[1].roles: \"roles\" is required")]
    [InlineData("""{"name":"roles","roles":{"name":"x"}}""", "at $.steps[1].roles: must be a list")]
    [InlineData("""{"name":"roles","roles":["Biên tập viên"]}""", "at $.steps[1].roles[0]: must be an object")]
    [InlineData("""{"name":"roles","roles":[{"permissions":["*"]}]}""", "at $.steps[1].roles[0].name: \"name\" is required")]
    [InlineData("""{"name":"roles","roles":[{"name":"A","permissions":"*"}]}""", "at $.steps[1].roles[0].permissions: must be a list")]
    [InlineData("""{"name":"roles","roles":[{"name":"A","permissions":[1]}]}""", "at $.steps[1].roles[0].permissions[0]: must be a string")]
    [InlineData("""{"name":"roles","roles":[{"name":"A"},{"name":"a"}]}""", "at $.steps[1].roles[1].name: 'a' is listed twice")]
    [InlineData("""{"name":"roles","roles":[{"name":"A","permissions":["AccessAdmin","ManageUser"]}]}""", "at $.steps[1].roles[0].permissions[1]: unknown permission 'ManageUser' (known: ManageUsers, ManageRoles, AccessAdmin, *)")]
    [InlineData("""{"name":"roles","roles":[{"name":"A","permission":["*"]}]}""", "at $.steps[1].roles[0].permission: unknown member \"permission\" (expected: name, description, permissions)")]
    [InlineData("""{"name":"users","users":[{"userName":"admin"}]}""", "at $.steps[1].users[0].password: \"password\" is required")]
    [InlineData("""{"name":"users","users":[{"password":"Mat-khau-2026"}]}""", "at $.steps[1].users[0].userName: \"userName\" is required")]
    [InlineData("""{"name":"users","users":[{"userName":"admin","password":"Mat-khau-2026","roles":"x"}]}""", "at $.steps[1].users[0].roles: must be a list")]
    [InlineData("""{"name":"users","users":[{"userName":"admin","password":"Mat-khau-2026","role":["x"]}]}""", "at $.steps[1].users[0].role: unknown member \"role\" (expected: userName, password, email, roles)")]
    [InlineData("""{"name":"users","users":[{"userName":"admin","password":"{{notGiven}}"}]}""", "at $.steps[1].users[0].password: the password variable {{notGiven}} was not given")]
    [InlineData("""{"name":"users","users":[{"userName":"admin","password":"ngan1A"}]}""", "at $.steps[1].users[0].password: weak password: Passwords must be at least 10 characters.")]
    [InlineData("""{"name":"users","users":[{"userName":"admin","password":"khongcochuhoa1"}]}""", "at $.steps[1].users[0].password: weak password: Passwords must have at least one uppercase ('A'-'Z').")]
    public async Task MalformedSteps_AreRefusedBeforeAnythingRuns_WithEnglishAndVietnameseMessages(string step, string expected)
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(host, a, Recipe(RolesStep, step)));

        Assert.Contains(error.Errors, e => e.Message.EndsWith(expected, StringComparison.Ordinal));
        Assert.All(error.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.UserMessage)));
        Assert.Empty((await SnapshotAsync(host, a)).Rows);
    }

    [Fact]
    public async Task WeakPassword_HasAVietnameseMessage_AtThePasswordsPath()
    {
        await using var host = new UsersTestHost();
        var recipe = Recipe("""{"name":"users","users":[{"userName":"admin","password":"khongdu"}]}""");

        var error = Assert.Throws<RecipeException>(() => host.Services.GetRequiredService<RecipeExecutor>().Validate(recipe, UsersTestHost.NewTenant("sotaichinh")));

        var messages = error.Errors.Select(e => e.UserMessage).ToList();
        Assert.Contains("bước 1 'users' tại $.steps[0].users[0].password: mật khẩu chưa đủ mạnh: Mật khẩu phải có ít nhất 10 ký tự.", messages);
        Assert.Contains("bước 1 'users' tại $.steps[0].users[0].password: mật khẩu chưa đủ mạnh: Mật khẩu phải có ít nhất một chữ hoa (A-Z).", messages);
    }

    [Fact]
    public async Task UsersStep_WithAnUnknownRole_FailsClearly()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(host, a, Recipe(UsersStep)));
        Assert.Contains("Vai trò 'Quản trị hệ thống' không tồn tại.", error.UserMessage, StringComparison.Ordinal);
        await using var scope = host.Scope(a);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IUserAccounts>().FindAsync("admin"));
    }

    private sealed record Snapshot(IReadOnlyList<string> Rows);

    // Every row of the Identity tables of a tenant, without ids, so two runs or two tenants compare.
    private static async Task<Snapshot> SnapshotAsync(UsersTestHost host, TenantDescriptor tenant)
    {
        await using var scope = host.Scope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var roles = await db.Set<PortalRole>().ToListAsync();
        var roleNames = roles.ToDictionary(r => r.Id, r => r.Name);
        var claims = await db.Set<PortalRoleClaim>().ToListAsync();
        var users = await db.Set<PortalUser>().ToListAsync();
        var userRoles = await db.Set<PortalUserRole>().ToListAsync();
        var rows = roles.Select(r => $"role:{r.Name}|{r.Description}")
            .Concat(claims.Select(c => $"claim:{roleNames[c.RoleId]}={c.ClaimValue}"))
            .Concat(users.Select(u => $"user:{u.UserName}[{string.Join(",", userRoles.Where(ur => ur.UserId == u.Id).Select(ur => roleNames[ur.RoleId]))}]"))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new Snapshot(rows);
    }
}
