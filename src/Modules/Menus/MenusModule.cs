using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Modules.Menus.Abstractions;
using Portal.Modules.Menus.Data;
using Portal.Modules.Menus.Data.Migrations;
using Portal.Modules.Menus.Recipes;
using Portal.Modules.Menus.Services;

namespace Portal.Modules.Menus;

/// <summary>Trình đơn: the menus of each site (main menu, footer links), their admin editor and recipe step.</summary>
public sealed class MenusModule : PortalModule
{
    public override string Name => "Menus";

    public override string DisplayName => "Trình đơn";

    public override bool IsAlwaysEnabled => true;

    public override IEnumerable<Permission> Permissions => Menus.Permissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
        [new("Trình đơn", "/admin/menus", Menus.Permissions.ManageMenus.Name, Order: 160)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<MenusModel>();
        services.AddModuleMigrations<MenusSqliteMigrations, MenusPostgresMigrations>();
        services.AddMemoryCache();
        services.AddScoped<MenuService>();
        services.AddScoped<IMenuService>(sp => sp.GetRequiredService<MenuService>());
        services.AddScoped<MenuEditor>();
        services.AddRecipeStep<MenusStep>();
    }
}
