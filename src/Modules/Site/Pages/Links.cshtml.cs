using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Pages;

/// <summary><c>/lien-ket</c>: links to other state sites (Công báo, Cổng Dịch vụ công Quốc gia...; TN Đ4.17.a), grouped by <c>Group</c>.</summary>
public sealed class LinksModel(OrderedItems items) : PublicPageModel
{
    public IReadOnlyList<IGrouping<string, ContentItem>> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Groups = OrderedItems.ByGroup(await items.ListAsync("Link", cancellationToken), "Liên kết website");
        SetMeta(new PageMeta("Liên kết website"));
        return Page();
    }
}
