using System.Text.Json;
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
    [InlineData("""{"name":"roles"}""", "\"roles\" must be an array")]
    [InlineData("""{"name":"roles","roles":{"name":"x"}}""", "\"roles\" must be an array")]
    [InlineData("""{"name":"roles","roles":["Biên tập viên"]}""", "roles[0] must be an object")]
    [InlineData("""{"name":"roles","roles":[{"permissions":["*"]}]}""", "roles[0]: \"name\" is required")]
    [InlineData("""{"name":"roles","roles":[{"name":"A","permissions":"*"}]}""", "roles[0]: \"permissions\" must be an array of strings")]
    [InlineData("""{"name":"roles","roles":[{"name":"A","permissions":[1]}]}""", "roles[0]: \"permissions\" must be an array of strings")]
    [InlineData("""{"name":"roles","roles":[{"name":"A"},{"name":"a"}]}""", "roles[1]: 'a' is listed twice")]
    [InlineData("""{"name":"users","users":[{"userName":"admin"}]}""", "users[0]: \"password\" is required")]
    [InlineData("""{"name":"users","users":[{"password":"Mat-khau-2026"}]}""", "users[0]: \"userName\" is required")]
    [InlineData("""{"name":"users","users":[{"userName":"admin","password":"Mat-khau-2026","roles":"x"}]}""", "users[0]: \"roles\" must be an array of strings")]
    [InlineData("""{"name":"users","users":[{"userName":"admin","password":"{{notGiven}}"}]}""", "users[0]: the password variable {{notGiven}} was not given")]
    [InlineData("""{"name":"users","users":[{"userName":"admin","password":"ngan1A"}]}""", "users[0]: weak password: Passwords must be at least 10 characters.")]
    [InlineData("""{"name":"users","users":[{"userName":"admin","password":"khongcochuhoa1"}]}""", "users[0]: weak password: Passwords must have at least one uppercase ('A'-'Z').")]
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
    public async Task WeakPassword_HasAVietnameseMessage()
    {
        await using var host = new UsersTestHost();
        var step = host.Services.GetServices<IRecipeStep>().Single(s => s.Name == "users");
        using var json = JsonDocument.Parse("""{"name":"users","users":[{"userName":"admin","password":"khongdu"}]}""");
        var messages = step.Validate(json.RootElement).Select(e => e.UserMessage).ToList();
        Assert.Contains("users[0]: mật khẩu chưa đủ mạnh: Mật khẩu phải có ít nhất 10 ký tự.", messages);
        Assert.Contains("users[0]: mật khẩu chưa đủ mạnh: Mật khẩu phải có ít nhất một chữ hoa (A-Z).", messages);
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
