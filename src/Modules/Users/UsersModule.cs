using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Web;
using Portal.Modules.Users.Data.Migrations;
using Portal.Modules.Users.Pages.Admin;
using Portal.Modules.Users.Services;
using Portal.Modules.Users.Settings;

namespace Portal.Modules.Users;

/// <summary>Tenant-scoped users, roles and permissions; sign-in to the admin of one tenant.</summary>
public sealed class UsersModule : PortalModule
{
    public override string Name => "Users";

    public override string DisplayName => "Người dùng";

    public override bool IsAlwaysEnabled => true;

    public override IEnumerable<Permission> Permissions => Users.Permissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Người dùng", "/admin/users", Users.Permissions.ManageUsers.Name, Order: 900),
        new("Vai trò", "/admin/roles", Users.Permissions.ManageRoles.Name, Order: 910),
        new("Phiên đăng nhập", "/admin/sessions", Users.Permissions.AccessAdmin.Name, Order: 920),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalIdentity();
        services.AddPortalSignInCookie();
        services.AddRateLimiter(options => options.AddPerClientPolicy(LoginModel.RateLimitPolicy, permitLimit: 10, TimeSpan.FromMinutes(1)));
        services.AddTenantSettingsSection<SessionSettings>();
        services.AddModuleMigrations<UsersSqliteMigrations, UsersPostgresMigrations>();
    }
}
