namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// A content operation was refused and nothing was saved. <see cref="UserMessage"/> says why in
/// Vietnamese, for the editor; <see cref="Exception.Message"/> is for logs.
/// </summary>
public abstract class ContentOperationException(string message, string userMessage) : InvalidOperationException(message)
{
    public string UserMessage { get; } = userMessage;
}

/// <summary>Field values or handlers found errors; each names a part or field path.</summary>
public sealed class ContentValidationException(IReadOnlyList<ContentValidationError> errors)
    : ContentOperationException(
        "Content validation failed: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")),
        string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<ContentValidationError> Errors { get; } = errors;
}

/// <summary>A publishing handler refused to publish; nothing was published or saved.</summary>
public sealed class ContentPublishRefusedException(string contentItemId, string reason)
    : ContentOperationException($"Publishing content item '{contentItemId}' was refused: {reason}", reason)
{
    public string ContentItemId { get; } = contentItemId;

    /// <summary>The handler's reason, in Vietnamese.</summary>
    public string Reason { get; } = reason;
}

/// <summary>
/// Someone saved the item after the version the editor started from: the save is refused,
/// with the versions saved since and what they changed, so the editor can merge by hand.
/// </summary>
public sealed class ContentConcurrencyException(
    string contentItemId,
    string expectedLatestVersionId,
    ContentItem current,
    IReadOnlyList<ContentItem> savedSince,
    IReadOnlyList<ContentChange> changes)
    : ContentOperationException(
        $"Content item '{contentItemId}' changed since version '{expectedLatestVersionId}': the latest is now v{current.Number} by {current.Author}.",
        $"Nội dung đã được {current.Author} lưu (phiên bản {current.Number}) sau khi bạn mở trang sửa. Hãy xem các thay đổi rồi lưu lại.")
{
    public string ContentItemId { get; } = contentItemId;

    public string ExpectedLatestVersionId { get; } = expectedLatestVersionId;

    /// <summary>The latest version now.</summary>
    public ContentItem Current { get; } = current;

    /// <summary>The versions saved after the expected one, newest first.</summary>
    public IReadOnlyList<ContentItem> SavedSince { get; } = savedSince;

    /// <summary>What changed between the version the editor started from and <see cref="Current"/>.</summary>
    public IReadOnlyList<ContentChange> Changes { get; } = changes;
}

/// <summary>The item does not exist, was removed, or the version asked for is not one of its versions.</summary>
public sealed class ContentNotFoundException(string contentItemId, string userMessage)
    : ContentOperationException($"Content item '{contentItemId}' was not found in the expected state.", userMessage)
{
    public string ContentItemId { get; } = contentItemId;
}

/// <summary>A content type definition names unknown parts or field types, or is otherwise invalid; nothing was saved.</summary>
public sealed class ContentDefinitionException(string typeName, IReadOnlyList<ContentDefinitionError> errors)
    : ContentOperationException(
        $"Content type '{typeName}' is invalid: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")),
        string.Join(" ", errors.Select(e => e.UserMessage)))
{
    public IReadOnlyList<ContentDefinitionError> Errors { get; } = errors;
}

/// <summary>An error in a content type definition: where (<c>parts[1]</c>, <c>fields[0].type</c>), in English for logs and in Vietnamese.</summary>
public sealed record ContentDefinitionError(string Path, string Message, string UserMessage);

/// <summary>The operation clashes with another item (e.g. a restored item's alias is taken); nothing was saved.</summary>
public sealed class ContentConflictException(string message, string userMessage) : ContentOperationException(message, userMessage);
