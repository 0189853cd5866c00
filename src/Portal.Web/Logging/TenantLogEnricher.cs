using Portal.Core.Tenancy;
using Serilog.Core;
using Serilog.Events;

namespace Portal.Web.Logging;

/// <summary>
/// Adds the tenant to every log line: the request's tenant, else the ambient one of a tenant
/// scope (recipes, jobs), else "-". Runs only when something is logged, so the request path pays nothing.
/// </summary>
public sealed class TenantLogEnricher(IHttpContextAccessor httpContextAccessor) : ILogEventEnricher
{
    public const string PropertyName = "Tenant";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var httpContext = httpContextAccessor.HttpContext;
        var tenant = httpContext is not null
            ? httpContext.RequestServices?.GetService<ICurrentTenant>()?.Tenant
            : CurrentTenant.Ambient;
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(PropertyName, tenant?.Name ?? "-"));
    }
}
