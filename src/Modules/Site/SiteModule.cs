using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Settings;
using Portal.Core.Web;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Site.Data;
using Portal.Modules.Site.Data.Migrations;
using Portal.Modules.Site.Models;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site;

/// <summary>
/// The public sites: site settings, the public content index and query (<see cref="IPublicContentQuery"/>),
/// generated item paths, and the public pages rendered in the tenant's theme.
/// </summary>
public sealed class SiteModule : PortalModule
{
    public override string Name => "Site";

    public override string DisplayName => "Trang công khai";

    public override bool IsAlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<SiteModel>();
        services.AddModuleMigrations<SiteSqliteMigrations, SitePostgresMigrations>();
        services.AddContentIndex<PublicItemIndex, PublicItemIndexProvider>();
        services.AddContentIndex<PublicTermIndex, PublicTermIndexProvider>();
        services.AddContentPart<RoutePart>().AddHandler<RoutePathGenerator>();
        services.AddScoped<IPublicContentQuery, PublicContentQuery>();
        services.AddTenantSettingsSection<SiteSettings>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ITenantSettingsChangeSink, SiteSettingsEviction>());
        services.Configure<SiteOptions>(configuration.GetSection(SiteOptions.Section));
        services.AddScoped<SiteChrome>();
        services.AddScoped<ItemViewBuilder>();
        services.AddScoped<OrderedItems>();
        services.AddSingleton<UnitDirectory>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IContentSecurityPolicyContributor, EmcContentSecurityPolicy>());
    }
}
