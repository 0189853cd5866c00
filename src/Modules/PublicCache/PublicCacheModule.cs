using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Web;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.PublicCache.Data;
using Portal.Modules.PublicCache.Data.Migrations;
using Portal.Modules.PublicCache.Endpoints;
using Portal.Modules.PublicCache.Services;

namespace Portal.Modules.PublicCache;

/// <summary>Bộ nhớ đệm trang công khai và bộ đếm lượt truy cập.</summary>
public sealed class PublicCacheModule : PortalModule
{
    public override string Name => "PublicCache";

    public override string DisplayName => "Bộ nhớ đệm và bộ đếm truy cập";

    public override bool IsAlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicCacheOptions>(configuration.GetSection(PublicCacheOptions.Section));
        services.AddModelContributor<PublicCacheModel>();
        services.AddModuleMigrations<PublicCacheSqliteMigrations, PublicCachePostgresMigrations>();
        services.AddSingleton(sp => new PublicPageStore(sp.GetRequiredService<IOptions<PublicCacheOptions>>().Value.MaxTotalBytes));
        services.AddSingleton<PublicPageCache>();
        services.Replace(ServiceDescriptor.Singleton<IPublicPageCache>(sp => sp.GetRequiredService<PublicPageCache>()));
        services.AddHostedService<PublicCacheGenerationPoller>();
        services.AddContentEventSink<ContentEvictionSink>();

        services.AddSingleton<VisitCounter>();
        services.AddSingleton<VisitStore>();
        services.AddHostedService<VisitFlusher>();
        services.AddPublicZoneWidget<VisitCounterWidget>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapVisitEndpoints();
}

public static class PublicCacheApplicationBuilderExtensions
{
    /// <summary>The page cache and visit counter; put it first after the forwarded headers (the shorter the cached path, the faster).</summary>
    public static IApplicationBuilder UsePublicPageCache(this IApplicationBuilder app) =>
        app.UseMiddleware<PublicCacheMiddleware>();
}
