using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Portal.Core.Admin;

/// <summary>
/// Protects the admin by route, not by folder: every endpoint whose route starts with
/// <c>/admin</c> requires <see cref="AdminPermissions.AccessAdmin"/>, except the routes
/// <see cref="AdminRoutes.IsOpenRoute"/> names. An <c>[AllowAnonymous]</c> on any other admin
/// endpoint is removed, so an admin page cannot opt out.
/// </summary>
public static class AdminEndpointConventions
{
    /// <summary>Applies <see cref="Apply"/> to every endpoint the builder produces, after their own conventions.</summary>
    public static TBuilder RequireAdminAccessOnAdminRoutes<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(Apply);
        return builder;
    }

    public static void Apply(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route || !AdminRoutes.IsAdminRoute(route.RoutePattern.RawText))
        {
            return;
        }

        if (AdminRoutes.IsOpenRoute(route.RoutePattern.RawText))
        {
            return;
        }

        for (var i = endpoint.Metadata.Count - 1; i >= 0; i--)
        {
            if (endpoint.Metadata[i] is IAllowAnonymous)
            {
                endpoint.Metadata.RemoveAt(i);
            }
        }

        endpoint.Metadata.Add(new AuthorizeAttribute(AdminPermissions.AccessAdmin.PolicyName));
    }

    /// <summary>True when the endpoint requires <see cref="AdminPermissions.AccessAdmin"/> and nothing lets an anonymous visitor through.</summary>
    public static bool RequiresAdminAccess(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null &&
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == AdminPermissions.AccessAdmin.PolicyName);
}
