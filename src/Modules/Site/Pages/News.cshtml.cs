using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Site.Abstractions;

namespace Portal.Modules.Site.Pages;

/// <summary><c>/tin-tuc</c>: published items of type <c>Article</c>, newest first.</summary>
public sealed class NewsModel(IPublicContentQuery query) : ListingPageModel(query)
{
    public Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        AsCards = false;
        return ListAsync("Article", "Tin tức", pageNumber, cancellationToken);
    }
}
