using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Search.Data;
using Portal.Modules.Search.Data.Migrations;
using Portal.Modules.Search.Services;

namespace Portal.Modules.Search;

/// <summary>
/// Public search of each site (<c>/tim-kiem</c>): a per-tenant index of published items in the
/// database, kept up to date by a content event sink, rebuilt by the <c>search rebuild</c> command.
/// </summary>
public sealed class SearchModule : PortalModule
{
    /// <summary>The rate-limit policy of the search page.</summary>
    public const string RateLimitPolicy = "search";

    public override string Name => "Search";

    public override string DisplayName => "Tìm kiếm";

    /// <summary>Every public site has a search box.</summary>
    public override bool IsAlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddModelContributor<SearchModel>();
        services.AddModuleMigrations<SearchSqliteMigrations, SearchPostgresMigrations>();
        services.AddScoped<SearchIndexer>();
        services.AddScoped<ISearchService, SearchService>();
        services.AddContentEventSink<SearchIndexSink>();
        services.AddRateLimiter(options => options.AddPolicy(RateLimitPolicy, Partition));
    }

    // Searches only (opening the empty form is free), per site and real client address.
    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Request.Query["q"]))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var tenant = context.RequestServices.GetService<ICurrentTenant>()?.Tenant?.Id;
        var limit = context.RequestServices.GetRequiredService<IOptions<SearchOptions>>().Value.SearchesPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter($"{tenant}|{context.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = TimeSpan.FromMinutes(1),
        });
    }
}
