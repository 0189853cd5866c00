namespace Portal.Modules.Contents.Abstractions;

/// <summary>Thrown when an item names a content type the current tenant has not defined.</summary>
public sealed class UnknownContentTypeException(string contentType)
    : InvalidOperationException($"Content type '{contentType}' is not defined for this tenant; define it first (recipe step 'content-types').")
{
    public string ContentType { get; } = contentType;

    public string UserMessage => $"Kiểu nội dung “{ContentType}” chưa được định nghĩa cho trang này.";
}
