using Microsoft.AspNetCore.Mvc;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Site.Models;
using Portal.Modules.Site.Services;
using Portal.Modules.Taxonomies.Abstractions;

namespace Portal.Modules.Site.Pages;

/// <summary>
/// The home page: featured and latest news, the latest of each home category (site settings),
/// announcements, boxes for legal documents, Q&amp;A and links; on the province portal also the
/// component sites' directory and the news accepted from them.
/// </summary>
public sealed class IndexModel(
    ICurrentTenant currentTenant,
    ITenantSettings settings,
    IPublicContentQuery query,
    ITaxonomyService taxonomies,
    OrderedItems ordered,
    UnitDirectory units) : PublicPageModel
{
    /// <summary>The category of news the portal accepted from component sites ("Tin từ các đơn vị").</summary>
    public const string FromUnitsSlug = "tin-tu-co-so";

    public const int LatestCount = 6;
    public const int CategoryCount = 5;

    public bool IsPortal { get; private set; }

    public IReadOnlyList<PublicItemSummary> Featured { get; private set; } = [];

    public IReadOnlyList<PublicItemSummary> Latest { get; private set; } = [];

    public IReadOnlyList<(TaxonomyTermInfo Term, IReadOnlyList<PublicItemSummary> Items)> Categories { get; private set; } = [];

    public IReadOnlyList<PublicItemSummary> Announcements { get; private set; } = [];

    public IReadOnlyList<PublicItemSummary> FromUnits { get; private set; } = [];

    public TaxonomyTermInfo? FromUnitsTerm { get; private set; }

    public IReadOnlyList<ContentItem> Links { get; private set; } = [];

    public IReadOnlyList<UnitLink> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = currentTenant.Tenant!;
        var site = await settings.GetAsync<SiteSettings>(cancellationToken);
        IsPortal = tenant.IsDefault;
        Featured = await query.LatestAsync(new PublicListQuery("Article", FeaturedOnly: true, PageSize: 5), cancellationToken);
        Latest = await query.LatestAsync(new PublicListQuery("Article", PageSize: LatestCount + Featured.Count), cancellationToken);
        if (Featured.Count == 0)
        {
            Featured = [.. Latest.Take(3)];
        }

        Latest = [.. Latest.Where(l => Featured.All(f => f.ContentItemId != l.ContentItemId)).Take(LatestCount)];
        var categories = new List<(TaxonomyTermInfo, IReadOnlyList<PublicItemSummary>)>();
        foreach (var slug in site.HomeCategories())
        {
            if (await taxonomies.FindBySlugAsync(TaxonomyNames.Categories, slug, cancellationToken) is { } term)
            {
                categories.Add((term, await query.LatestAsync(new PublicListQuery(TermId: term.Id, PageSize: CategoryCount), cancellationToken)));
            }
        }

        Categories = categories;
        Announcements = await query.LatestAsync(new PublicListQuery("Announcement", PageSize: 5), cancellationToken);
        Links = [.. (await ordered.ListAsync("Link", cancellationToken)).Take(10)];
        if (IsPortal)
        {
            Units = units.List(HttpContext);
            FromUnitsTerm = await taxonomies.FindBySlugAsync(TaxonomyNames.Categories, FromUnitsSlug, cancellationToken);
            if (FromUnitsTerm is not null)
            {
                FromUnits = await query.LatestAsync(new PublicListQuery(TermId: FromUnitsTerm.Id, PageSize: CategoryCount), cancellationToken);
            }
        }

        var name = SiteChrome.NameOf(site, tenant);
        SetMeta(new PageMeta(name, site.Slogan ?? $"Trang thông tin điện tử {name}", CanonicalPath: "/"));
        return Page();
    }
}
