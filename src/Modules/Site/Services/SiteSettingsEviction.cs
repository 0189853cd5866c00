using Portal.Core.Settings;
using Portal.Core.Web;
using Portal.Modules.Site.Models;

namespace Portal.Modules.Site.Services;

/// <summary>Every public page shows the site settings (banner, footer): saving them evicts the tenant's cached pages.</summary>
internal sealed class SiteSettingsEviction(IPublicPageCache cache) : ITenantSettingsChangeSink
{
    public Task SavedAsync(string tenantId, string section, CancellationToken cancellationToken) =>
        section == SiteSettings.SectionName
            ? cache.EvictTenantAsync(tenantId, "site settings saved", cancellationToken)
            : Task.CompletedTask;
}
