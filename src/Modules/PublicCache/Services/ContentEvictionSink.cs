using Portal.Core.Web;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.PublicCache.Services;

/// <summary>
/// A content change evicts the tenant's public pages: an item shows on many pages (home, lists,
/// categories, feeds, related items), so the whole tenant goes. A new draft shows nowhere and
/// evicts nothing; anything else (a new version of a published item, publish, unpublish,
/// removal, restore) does.
/// </summary>
internal sealed class ContentEvictionSink(IPublicPageCache cache) : IContentEventSink
{
    public Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken) =>
        contentEvent.Kind == ContentEventKind.Created
            ? Task.CompletedTask
            : cache.EvictTenantAsync(contentEvent.TenantId, $"content {contentEvent.Kind.ToString().ToLowerInvariant()} {contentEvent.ContentType} {contentEvent.ContentItemId}", cancellationToken);
}
