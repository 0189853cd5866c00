using Portal.Core.Modules;
using Portal.Modules.Audit;
using Portal.Modules.Contents;
using Portal.Modules.Feedback;
using Portal.Modules.Feeds;
using Portal.Modules.Media;
using Portal.Modules.Menus;
using Portal.Modules.Search;
using Portal.Modules.Site;
using Portal.Modules.Taxonomies;
using Portal.Modules.Tenants;
using Portal.Modules.Users;

namespace Portal.Web.Hosting;

/// <summary>The modules this host is built with: listed by reference, never scanned from a folder.</summary>
public static class PortalModules
{
    public static PortalModule[] All() =>
    [
        new TenantsModule(),
        new UsersModule(),
        new ContentsModule(),
        new MediaModule(),
        new AuditModule(),
        new TaxonomiesModule(),
        new MenusModule(),
        new SiteModule(),
        new FeedbackModule(),
        new FeedsModule(),
        new SearchModule(),
    ];
}
