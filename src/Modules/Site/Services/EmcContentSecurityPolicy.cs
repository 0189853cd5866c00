using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Admin;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Web;
using Portal.Modules.Site.Models;

namespace Portal.Modules.Site.Services;

/// <summary>
/// Lets the public pages of a tenant with an EMC site id load the EMC script and label from the
/// EMC origin, and only that tenant's (the settings come from memory; the admin is never widened).
/// It runs for every response (health checks and static files too), so the settings store, and the
/// database context behind it, are resolved only for a tenant's public page.
/// </summary>
internal sealed class EmcContentSecurityPolicy(ICurrentTenant currentTenant, IOptions<SiteOptions> options)
    : IContentSecurityPolicyContributor
{
    public async ValueTask ContributeAsync(HttpContext context, ContentSecurityPolicyBuilder policy)
    {
        if (currentTenant.Tenant is null || AdminRoutes.IsAdminRequest(context))
        {
            return;
        }

        var site = await context.RequestServices.GetRequiredService<ITenantSettings>().GetAsync<SiteSettings>().ConfigureAwait(false);
        if (SiteChrome.EmcUrls(site, options.Value) is not { } emc)
        {
            return;
        }

        if (Origin(emc.Script) is { } script)
        {
            policy.Add("script-src", script).Add("connect-src", script).Add("img-src", script);
        }

        if (Origin(emc.Label) is { } label)
        {
            policy.Add("img-src", label);
        }
    }

    private static string? Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.GetLeftPart(UriPartial.Authority) : null;
}
