using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Data;
using Portal.Modules.Tenants.Data.Migrations;
using Portal.Modules.Tenants.Recipes;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants;

/// <summary>Tenant registry, host/prefix resolution, provisioning from recipes, enabling and disabling.</summary>
public sealed class TenantsModule : PortalModule
{
    public override string Name => "Tenants";
    public override string DisplayName => "Trang thành phần";
    public override bool IsAlwaysEnabled => true;

    // AccessOtherTenants guards Core's cross-tenant service; declared here, with the other rights over sites.
    public override IEnumerable<Permission> Permissions =>
        [Tenants.Permissions.ManageTenants, Tenants.Permissions.ManageSettings, CrossTenantPermissions.AccessOtherTenants];

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Trang thành phần", "/admin/tenants", nameof(Tenants.Permissions.ManageTenants), Order: 90, DefaultTenantOnly: true),
        new("Cài đặt", "/admin/settings", nameof(Tenants.Permissions.ManageSettings), Order: 95),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TenantsOptions>(configuration.GetSection(TenantsOptions.Section));
        services.Configure<TenantRegistryOptions>(configuration.GetSection("Portal:Tenants:Registry"));
        services.AddModelContributor<TenantsModelContributor>();
        services.AddModuleMigrations<TenantsSqliteMigrations, TenantsPostgresMigrations>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<ITenantDirectory>(sp => sp.GetRequiredService<TenantRegistry>());
        services.AddHostedService<TenantRegistryRefresher>();
        services.AddScoped<TenantProvisioner>();
        services.AddScoped<TenantQueries>();
        services.AddRecipeStep<TenantStep>();
        services.AddRecipeStep<TenantsStep>();
    }
}

public static class TenantsApplicationBuilderExtensions
{
    /// <summary>Resolves the tenant of every request; put it before routing.</summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();
}
