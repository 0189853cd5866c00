using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Core.Admin;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Data.Migrations;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Themes;
using Portal.Core.Web;

namespace Portal.Core;

public static class PortalCoreServiceCollectionExtensions
{
    /// <summary>Registers the platform services and every module the host lists, in order.</summary>
    public static IServiceCollection AddPortalPlatform(this IServiceCollection services, IConfiguration configuration, params PortalModule[] modules)
    {
        var catalog = new ModuleCatalog(modules);
        services.AddSingleton(catalog);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddScoped<CurrentTenant>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentTenant>());
        services.AddSingleton<ITenantScopeFactory, TenantScopeFactory>();
        services.AddScoped<ICrossTenantAccess, CrossTenantAccess>();

        services.AddSingleton<IActorAccessor, HttpActorAccessor>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditChainVerifier>();
        services.AddModelContributor<AuditModel>();
        services.AddModuleMigrations<CoreSqliteMigrations, CorePostgresMigrations>();

        services.AddSingleton<RecipeExecutor>();
        services.AddTenantSettings(configuration);

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();

        services.AddSingleton<IPostConfigureOptions<MvcOptions>, VietnameseValidation>();
        services.AddPortalRateLimits();
        services.TryAddSingleton<ThemeCatalog>();
        // Replaced by the public cache module when the host has one; without it no page is cached, so nothing to evict.
        services.TryAddSingleton<IPublicPageCache, NoPublicPageCache>();

        foreach (var module in catalog.Modules)
        {
            module.ConfigureServices(services, configuration);
        }

        return services;
    }

    /// <summary>Adds a public theme; the first added is the fallback for a tenant naming an unknown one.</summary>
    public static IServiceCollection AddPortalTheme(this IServiceCollection services, PortalTheme theme)
    {
        services.AddSingleton(theme);
        services.TryAddSingleton<ThemeCatalog>();
        return services;
    }

    /// <summary>
    /// Maps each module's endpoints in a group tagged with the module, for the module gate;
    /// those under /admin require the admin right (<see cref="AdminEndpointConventions"/>).
    /// </summary>
    /// <summary>Adds a piece a module renders into a zone of the public layout (<see cref="PublicZones"/>).</summary>
    public static IServiceCollection AddPublicZoneWidget<TWidget>(this IServiceCollection services) where TWidget : class, IPublicZoneWidget
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPublicZoneWidget, TWidget>());
        return services;
    }

    public static IEndpointRouteBuilder MapPortalModules(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.ServiceProvider.GetRequiredService<ModuleCatalog>();
        foreach (var module in catalog.Modules)
        {
            var group = endpoints.MapGroup("").WithMetadata(new ModuleEndpointMetadata(module.Name, module.IsAlwaysEnabled)).RequireAdminAccessOnAdminRoutes();
            module.MapEndpoints(group);
        }

        return endpoints;
    }

    public static IApplicationBuilder UseModuleGate(this IApplicationBuilder app) => app.UseMiddleware<ModuleGateMiddleware>();
}
