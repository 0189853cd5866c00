using Microsoft.AspNetCore.Http;
using Portal.Core.Tenancy;

namespace Portal.Core.Modules;

/// <summary>
/// After routing: an endpoint of a module the current tenant has not enabled answers 404,
/// as if it did not exist.
/// </summary>
public sealed class ModuleGateMiddleware(RequestDelegate next, ModuleCatalog catalog)
{
    public Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant)
    {
        var module = context.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpointMetadata>();
        if (module is not null && currentTenant.Tenant is { } tenant && !catalog.IsEnabled(tenant, module))
        {
            context.SetEndpoint(null);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
