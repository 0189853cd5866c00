using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Site.Abstractions;

namespace Portal.Modules.Site.Pages;

/// <summary><c>/thu-vien-anh</c>: published items of type <c>Album</c>, newest first.</summary>
public sealed class AlbumsModel(IPublicContentQuery query) : ListingPageModel(query)
{
    public Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        AsCards = true;
        return ListAsync("Album", "Thư viện ảnh", pageNumber, cancellationToken);
    }
}
