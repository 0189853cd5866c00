using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Site.Abstractions;

namespace Portal.Modules.Site.Pages;

/// <summary><c>/thong-bao</c>: published items of type <c>Announcement</c>, newest first.</summary>
public sealed class AnnouncementsModel(IPublicContentQuery query) : ListingPageModel(query)
{
    public Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        AsCards = false;
        return ListAsync("Announcement", "Thông báo", pageNumber, cancellationToken);
    }
}
