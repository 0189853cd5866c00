using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Core.Admin;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Media.Data;
using Portal.Modules.Media.Data.Migrations;
using Portal.Modules.Media.Endpoints;
using Portal.Modules.Media.Recipes;
using Portal.Modules.Media.Services;

namespace Portal.Modules.Media;

/// <summary>Each tenant's media library: uploads checked by content, image variants, files served per tenant, a picker.</summary>
public sealed class MediaModule : PortalModule
{
    public override string Name => "Media";

    public override string DisplayName => "Thư viện tệp";

    /// <summary>Content of every site refers to its files (images of articles, attachments).</summary>
    public override bool IsAlwaysEnabled => true;

    public override IEnumerable<Permission> Permissions => Media.Permissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
        [new("Thư viện tệp", "/admin/media", Media.Permissions.ViewMedia.Name, Order: 200)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.AddModelContributor<MediaModel>();
        services.AddModuleMigrations<MediaSqliteMigrations, MediaPostgresMigrations>();
        // The storage seam: replace this registration for shared storage when there are several nodes.
        services.TryAddSingleton<IMediaStorage, LocalDiskMediaStorage>();
        services.AddSingleton<ImageProcessor>();
        services.AddScoped<IMediaLibrary, MediaLibrary>();
        services.AddRecipeStep<MediaStep>();
        services.AddRateLimiter(options => options.AddPolicy(MediaApiEndpoints.UploadRateLimit, UploadPartition));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMediaFiles();
        endpoints.MapMediaApi();
    }

    // Per tenant and user: one editor's burst does not hold back another's.
    private static RateLimitPartition<string> UploadPartition(HttpContext context)
    {
        var tenant = context.RequestServices.GetService<ICurrentTenant>()?.Tenant?.Id;
        var user = context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString();
        var limit = context.RequestServices.GetRequiredService<IOptions<MediaOptions>>().Value.UploadsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter($"{tenant}|{user}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = TimeSpan.FromMinutes(1),
        });
    }
}
