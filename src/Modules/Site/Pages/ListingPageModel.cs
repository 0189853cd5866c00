using Microsoft.AspNetCore.Mvc;
using Portal.Core;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Pages;

/// <summary>A list of one type's published items, newest first, with paging (<c>?page=</c>).</summary>
public abstract class ListingPageModel(IPublicContentQuery query) : PublicPageModel
{
    public string Heading { get; private set; } = "";

    /// <summary>Cards (pictures first) rather than a list with sapo.</summary>
    public bool AsCards { get; protected set; }

    public PagedResult<PublicItemSummary> Items { get; private set; } = new([], 1, ListPageSize, 0);

    protected async Task<IActionResult> ListAsync(string contentType, string heading, string? page, CancellationToken cancellationToken)
    {
        if (!TryReadPage(page, out var number))
        {
            return NotFound();
        }

        Heading = heading;
        Items = await query.ListAsync(new PublicListQuery(ContentType: contentType, Page: number, PageSize: ListPageSize), cancellationToken);
        SetMeta(new PageMeta(Items.Page > 1 ? $"{heading} - trang {Items.Page}" : heading));
        return Page();
    }
}
