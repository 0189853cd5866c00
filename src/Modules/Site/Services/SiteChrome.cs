using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Modules.Menus.Abstractions;
using Portal.Modules.Site.Models;

namespace Portal.Modules.Site.Services;

/// <summary>What the theme's layout shows around every public page of a site.</summary>
public sealed record SiteChromeModel(
    TenantDescriptor Tenant,
    SiteSettings Settings,
    string SiteName,
    IReadOnlyList<MenuLink> MainMenu,
    IReadOnlyList<MenuLink> FooterMenu,
    string? EmcScriptUrl,
    string? EmcLabelUrl);

/// <summary>
/// How a page describes itself to the layout: title, description, picture and kind for the
/// OpenGraph tags, and the canonical path (without the tenant's path base). Pages put it in
/// <c>ViewData[PageMeta.Key]</c>; a page without one gets its title and its own path.
/// </summary>
public sealed record PageMeta(string Title, string? Description = null, string? ImagePath = null, string OgType = "website", string? CanonicalPath = null)
{
    public const string Key = "PageMeta";
}

/// <summary><c>Portal:Site</c>: the EMC monitoring service's addresses (the site id is each tenant's setting).</summary>
public sealed class SiteOptions
{
    public const string Section = "Portal:Site";

    /// <summary>The EMC script; <c>{0}</c> is the tenant's EMC site id. Its origin is allowed by the CSP of that tenant only.</summary>
    public string EmcScriptUrl { get; set; } = "https://emc.gov.vn/emc.js?site={0}";

    /// <summary>Where the EMC label links to; <c>{0}</c> is the site id.</summary>
    public string EmcLabelUrl { get; set; } = "https://emc.gov.vn/?site={0}";

    /// <summary>The Facebook share address (a plain link, no script of theirs); <c>{0}</c> is the page's escaped address.</summary>
    public string FacebookShareUrl { get; set; } = "https://www.facebook.com/sharer/sharer.php?u={0}";

    /// <summary>The Zalo share address (a plain link); <c>{0}</c> is the page's escaped address.</summary>
    public string ZaloShareUrl { get; set; } = "https://sp.zalo.me/share_inline?url={0}";
}

/// <summary>Gathers the layout's data for the current tenant: settings (cached), menus (cached).</summary>
public sealed class SiteChrome(ICurrentTenant currentTenant, ITenantSettings settings, IServiceProvider services, IOptions<SiteOptions> options)
{
    /// <summary>The chrome of the current tenant; null without a tenant (unknown host) or while answering a server error (no database work then).</summary>
    public async Task<SiteChromeModel?> GetAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (currentTenant.Tenant is not { } tenant || context.Response.StatusCode >= 500)
        {
            return null;
        }

        var site = await settings.GetAsync<SiteSettings>(cancellationToken).ConfigureAwait(false);
        var menus = services.GetService<IMenuService>();
        var main = menus is null ? [] : await menus.GetMenuAsync(MenuNames.Main, cancellationToken).ConfigureAwait(false);
        var footer = menus is null ? [] : await menus.GetMenuAsync(MenuNames.Footer, cancellationToken).ConfigureAwait(false);
        var emc = EmcUrls(site, options.Value);
        return new SiteChromeModel(tenant, site, NameOf(site, tenant), main, footer, emc?.Script, emc?.Label);
    }

    public static string NameOf(SiteSettings site, TenantDescriptor tenant) =>
        string.IsNullOrWhiteSpace(site?.SiteName) ? tenant.DisplayName : site.SiteName.Trim();

    /// <summary>The EMC script and label addresses for a site id, or null when the tenant has none.</summary>
    public static (string Script, string Label)? EmcUrls(SiteSettings site, SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(site?.EmcSiteId))
        {
            return null;
        }

        var id = Uri.EscapeDataString(site.EmcSiteId.Trim());
        return (string.Format(System.Globalization.CultureInfo.InvariantCulture, options.EmcScriptUrl, id),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, options.EmcLabelUrl, id));
    }
}
