using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Pages;

/// <summary><c>/lanh-dao</c>: the unit's leaders in their set order (TN Đ4.1).</summary>
public sealed class LeadersModel(OrderedItems items) : PublicPageModel
{
    public IReadOnlyList<ContentItem> Leaders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Leaders = await items.ListAsync("Leader", cancellationToken);
        SetMeta(new PageMeta("Lãnh đạo"));
        return Page();
    }
}
