using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Core.Themes;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Pages;

/// <summary>
/// Every published item at its <see cref="Contents.Abstractions.RoutePart"/> path (<c>/{**path}</c>, after
/// every other route): the template follows the item's type. Drafts, unknown paths and other
/// tenants' items are 404.
/// </summary>
public sealed class ItemModel(IPublicContentQuery query, ItemViewBuilder builder, IOptions<SiteOptions> options) : PublicPageModel
{
    public ItemView View { get; private set; } = null!;

    public string FacebookShare { get; private set; } = "";

    public string ZaloShare { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? path, CancellationToken cancellationToken)
    {
        if (await query.GetPublishedByPathAsync(path ?? "", cancellationToken) is not { } item)
        {
            return NotFound();
        }

        View = await builder.BuildAsync(item, cancellationToken);
        var canonical = "/" + View.Path;
        HttpContext.Features.Set(new PublicPageFeature(item.ContentItemId, item.ContentType, View.Title, canonical));
        SetMeta(new PageMeta(View.Title, View.Summary, View.Image?.Path, item.ContentType == "Article" ? "article" : "website", canonical));
        var url = Uri.EscapeDataString(SiteLinks.Absolute(HttpContext, canonical));
        FacebookShare = string.Format(System.Globalization.CultureInfo.InvariantCulture, options.Value.FacebookShareUrl, url);
        ZaloShare = string.Format(System.Globalization.CultureInfo.InvariantCulture, options.Value.ZaloShareUrl, url);
        return Page();
    }
}
