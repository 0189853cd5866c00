using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Tests;

public sealed class UsersModuleTests
{
    [Fact]
    public void Permissions_AreNamedAfterTheirFields()
    {
        var fields = typeof(Permissions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Permission))
            .ToList();
        Assert.Equal(3, fields.Count);
        Assert.All(fields, f => Assert.Equal(f.Name, ((Permission)f.GetValue(null)!).Name));
        Assert.Equal(fields.Count, new UsersModule().Permissions.Count());
    }

    [Fact]
    public void Module_IsAlwaysEnabled_AndGuardsItsMenuEntries()
    {
        var module = new UsersModule();
        Assert.Equal("Users", module.Name);
        Assert.Equal("Người dùng", module.DisplayName);
        Assert.True(module.IsAlwaysEnabled);
        Assert.Contains(module.AdminMenu, i => i.Url == "/admin/users" && i.Permission == nameof(Permissions.ManageUsers));
        Assert.Contains(module.AdminMenu, i => i.Url == "/admin/roles" && i.Permission == nameof(Permissions.ManageRoles));
    }

    [Fact]
    public void Pages_AreServedUnderAdmin()
    {
        var routes = typeof(UsersModule).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .SelectMany(item => item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>())
            .Where(a => a.Key == "RouteTemplate")
            .Select(a => a.Value)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                "/admin/access-denied", "/admin/login", "/admin/logout", "/admin/roles", "/admin/roles/{id}/edit", "/admin/sessions",
                "/admin/users", "/admin/users/create", "/admin/users/{id}/edit",
            ],
            routes);
    }

    [Fact]
    public async Task SignOut_ClearsTheSignInCookie()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "admin");

        await using var scope = host.Scope(a, https: true);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        await signIn.SignOutAsync();

        Assert.Contains(
            signIn.Context.Response.Headers.SetCookie,
            c => c!.StartsWith("__Host-portal=;", StringComparison.Ordinal) && c.Contains("path=/", StringComparison.Ordinal));
    }
}
