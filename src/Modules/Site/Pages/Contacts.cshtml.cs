using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Pages;

/// <summary><c>/danh-ba</c>: the unit directory (address, phone, fax, e-mail; TN Đ4.1), grouped by <c>Group</c>.</summary>
public sealed class ContactsModel(OrderedItems items) : PublicPageModel
{
    public IReadOnlyList<IGrouping<string, ContentItem>> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Groups = OrderedItems.ByGroup(await items.ListAsync("Contact", cancellationToken), "Danh bạ");
        SetMeta(new PageMeta("Danh bạ điện thoại"));
        return Page();
    }
}
