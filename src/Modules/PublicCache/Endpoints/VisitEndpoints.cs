using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.PublicCache.Services;

namespace Portal.Modules.PublicCache.Endpoints;

/// <summary><c>GET /api/visits</c>: the tenant's visit figures as JSON <c>{online,today,total}</c>, never cached.</summary>
internal static class VisitEndpoints
{
    public const string Path = "/api/visits";

    public static IEndpointRouteBuilder MapVisitEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, GetAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> GetAsync(HttpContext context, ICurrentTenant currentTenant, PortalDbContext db, VisitStore visits)
    {
        if (currentTenant.Tenant is not { } tenant)
        {
            return Results.NotFound();
        }

        var figures = await visits.GetAsync(db, tenant.Id, context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { online = figures.Online, today = figures.Today, total = figures.Total });
    }
}
