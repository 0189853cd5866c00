using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Users.Data;
using Portal.Modules.Users.Models;
using Portal.Testing;

namespace Portal.Modules.Users.Tests;

/// <summary>
/// The real container of the platform with the Users module, over an in-memory SQLite
/// database; one per test, so no test sees another's data.
/// </summary>
internal sealed class UsersTestHost : IAsyncDisposable
{
    public const string StrongPassword = "Mat-khau-2026A";

    private readonly SqliteTestDatabase _database;

    public UsersTestHost()
    {
        Services = ModuleTestServices.Build(new UsersModule(), out _database,
            services => services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider()));
    }

    public ServiceProvider Services { get; }

    public static TenantDescriptor NewTenant(string name) => SqliteTestDatabase.NewTenant(name);

    /// <summary>A scope of the tenant that also acts as the current request (for sign-in and cookies).</summary>
    public AsyncServiceScope Scope(TenantDescriptor tenant, bool https = false)
    {
        var scope = Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = https ? "https" : "http";
        context.Request.Host = new HostString(tenant.Name + ".thainguyen.localhost");
        Services.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
        return scope;
    }

    public async Task<PortalUser> CreateUserAsync(TenantDescriptor tenant, string userName, string password = StrongPassword, params string[] roles)
    {
        await using var scope = Scope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = userName, Email = userName + "@thainguyen.gov.vn" };
        AssertSucceeded(await users.CreateAsync(user, password));
        if (roles.Length > 0)
        {
            AssertSucceeded(await users.AddToRolesAsync(user, roles));
        }

        return user;
    }

    public async Task CreateRoleAsync(TenantDescriptor tenant, string name, params string[] permissions)
    {
        await using var scope = Scope(tenant);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<PortalRole>>();
        var role = new PortalRole(name);
        AssertSucceeded(await roles.CreateAsync(role));
        await scope.ServiceProvider.GetRequiredService<Services.RolePermissions>().SetAsync(role, permissions);
    }

    public static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _database.Dispose();
    }
}
