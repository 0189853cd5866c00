using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;

namespace Portal.Core.Web;

/// <summary>
/// Rate limiting of the platform. A rejected request answers 429 (with the Vietnamese status
/// page). Modules add their own policies with <see cref="AddPerClientPolicy"/>; the platform
/// defines <see cref="PublicForm"/> for citizens' forms.
/// </summary>
public static class PortalRateLimits
{
    /// <summary>Public forms (questions, feedback): 5 posts a minute per site and client.</summary>
    public const string PublicForm = "public-form";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPerClientPolicy(PublicForm, permitLimit: 5, TimeSpan.FromMinutes(1));
        });

    /// <summary>
    /// A fixed window per tenant and real client address (after forwarded headers from known
    /// proxies), for submissions only: a flood on one site does not lock out another site's
    /// users, and opening a form costs nothing.
    /// </summary>
    public static RateLimiterOptions AddPerClientPolicy(this RateLimiterOptions options, string policyName, int permitLimit, TimeSpan window) =>
        options.AddPolicy(policyName, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window }));

    private static string PartitionKey(HttpContext context) =>
        $"{context.RequestServices.GetService<ICurrentTenant>()?.Tenant?.Id}|{context.Connection.RemoteIpAddress}";
}
