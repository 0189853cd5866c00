namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// Reacts to the lifecycle of content items, inside the content manager's transaction: what a
/// handler adds to the <c>PortalDbContext</c> is saved with the version and its index rows, and
/// an exception (or a refusal) rolls all of it back. Register it on a part
/// (<c>AddContentPart&lt;TPart&gt;().AddHandler&lt;THandler&gt;()</c>, runs only for types with the part)
/// or for every item (<c>services.AddContentHandler&lt;THandler&gt;()</c>).
/// <para>
/// Order: handlers run in registration order (the order of the <c>AddHandler</c> /
/// <c>AddContentHandler</c> calls, modules in the host's module order); the manager's own
/// checks (field values, required fields) run before the Validating handlers.
/// </para>
/// <para>
/// Sequence of a save: Creating or Updating, (rich text sanitised, field values checked),
/// Validating; when publishing: Publishing, then Published; then the index rows, one
/// SaveChanges, commit; then <see cref="IContentEventSink"/>s. Side effects outside the
/// database (cache, search, mail) belong in an event sink, which never runs for a failed save.
/// </para>
/// </summary>
public interface IContentHandler
{
    /// <summary>Version 1 of a new item is about to be written; the handler may change <see cref="ContentContext.ContentItem"/>.</summary>
    Task CreatingAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A new version of an existing item is about to be written; <see cref="ContentContext.Previous"/> is the latest one.</summary>
    Task UpdatingAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The version is about to be written: add errors the editor must fix (nothing is saved when there are any).</summary>
    Task ValidatingAsync(ValidateContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The version is about to be published: <see cref="PublishContentContext.Refuse"/> stops it, and the whole save.</summary>
    Task PublishingAsync(PublishContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The version is now the published one (same transaction); <see cref="ContentContext.Previous"/> is the one it replaced.</summary>
    Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item was taken off the public pages (same transaction).</summary>
    Task UnpublishedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item was removed (soft: its versions stay, restorable; same transaction).</summary>
    Task RemovedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A removed item was restored (same transaction).</summary>
    Task RestoredAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What a handler sees: the version concerned, its type and, where there is one, the version before it.</summary>
public class ContentContext(ContentItem contentItem, ContentTypeDefinition type, ContentItem? previous)
{
    /// <summary>The version being written (or whose flags change). Not yet saved during the event.</summary>
    public ContentItem ContentItem { get; } = contentItem;

    public ContentTypeDefinition Type { get; } = type;

    /// <summary>Updating: the latest version before this save. Published: the version that was published before, if any.</summary>
    public ContentItem? Previous { get; } = previous;
}

/// <summary>Validating: collect errors, each with the path of the part or field it concerns and a Vietnamese message.</summary>
public sealed class ValidateContentContext(ContentItem contentItem, ContentTypeDefinition type, ContentItem? previous, List<ContentValidationError> errors)
    : ContentContext(contentItem, type, previous)
{
    public IReadOnlyList<ContentValidationError> Errors => errors;

    /// <param name="path">Part or field path, e.g. <c>TitlePart.Title</c> or <c>Summary</c>.</param>
    /// <param name="message">What the editor must fix, in Vietnamese.</param>
    public void AddError(string path, string message) => errors.Add(new ContentValidationError(path, message));
}

/// <summary>Publishing: a handler may refuse, with a reason the editor sees.</summary>
public sealed class PublishContentContext(ContentItem contentItem, ContentTypeDefinition type, ContentItem? previous)
    : ContentContext(contentItem, type, previous)
{
    /// <summary>Why the first handler that refused did so (Vietnamese), or null.</summary>
    public string? RefusalReason { get; private set; }

    public bool IsRefused => RefusalReason is not null;

    /// <summary>Refuses to publish; later publishing handlers are not called and nothing is saved.</summary>
    public void Refuse(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        RefusalReason ??= reason;
    }
}

/// <summary>One thing the editor must fix: the part or field path and a Vietnamese message.</summary>
public sealed record ContentValidationError(string Path, string Message);
