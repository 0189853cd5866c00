using Microsoft.AspNetCore.Mvc;
using Portal.Core.Themes;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Pages;

/// <summary><c>/ban-in/{**path}</c>: the item alone, for printing or saving (NĐ 42/2022 Điều 7), without menus.</summary>
public sealed class PrintModel(IPublicContentQuery query, ItemViewBuilder builder, SiteChrome chrome) : PublicPageModel
{
    public ItemView View { get; private set; } = null!;

    public SiteChromeModel? Chrome { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? path, CancellationToken cancellationToken)
    {
        if (await query.GetPublishedByPathAsync(path ?? "", cancellationToken) is not { } item)
        {
            return NotFound();
        }

        View = await builder.BuildAsync(item, cancellationToken);
        Chrome = await chrome.GetAsync(HttpContext, cancellationToken);
        HttpContext.Features.Set(new PublicPageFeature(item.ContentItemId, item.ContentType, View.Title, "/" + View.Path));
        return Page();
    }
}
