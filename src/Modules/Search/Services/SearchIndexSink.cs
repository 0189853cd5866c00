using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Search.Services;

/// <summary>
/// Keeps the search index in step with the content: after each committed change to an item
/// (published, or an update published; unpublished, removed, restored), its row is rewritten from what is
/// published now, or deleted. Runs in the scope of the change, so in its tenant.
/// </summary>
internal sealed class SearchIndexSink(SearchIndexer indexer) : IContentEventSink
{
    public Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentEvent);
        // Creating or updating changes what is public only when the version is published, and then a
        // Published event follows (ContentManager): the row is written once, on that event.
        return contentEvent.Kind is ContentEventKind.Created or ContentEventKind.Updated
            ? Task.CompletedTask
            : indexer.SyncItemAsync(contentEvent.ContentItemId, cancellationToken);
    }
}
