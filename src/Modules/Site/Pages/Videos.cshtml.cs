using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Site.Abstractions;

namespace Portal.Modules.Site.Pages;

/// <summary><c>/video</c>: published items of type <c>Video</c>, newest first.</summary>
public sealed class VideosModel(IPublicContentQuery query) : ListingPageModel(query)
{
    public Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        AsCards = true;
        return ListAsync("Video", "Video", pageNumber, cancellationToken);
    }
}
