namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// Hears what happened to content items <em>after</em> the transaction committed: evict caches,
/// update the search index, send notifications. Never called when the save failed or was
/// refused. Sinks run in registration order (<c>services.AddContentEventSink&lt;T&gt;()</c>); an
/// exception in one is logged and does not stop the others or undo the save.
/// </summary>
public interface IContentEventSink
{
    Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken);
}

/// <summary>What happened to which item, and when (UTC).</summary>
public sealed record ContentEvent(
    ContentEventKind Kind,
    string TenantId,
    string ContentItemId,
    string ContentItemVersionId,
    string ContentType,
    string? Alias,
    DateTimeOffset AtUtc);

public enum ContentEventKind
{
    Created,
    /// <summary>A new version was saved (draft or published: a <see cref="Published"/> event follows when it was).</summary>
    Updated,
    Published,
    Unpublished,
    Removed,
    Restored,
}
