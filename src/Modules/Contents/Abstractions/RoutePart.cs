using System.ComponentModel;

namespace Portal.Modules.Contents.Abstractions;

/// <summary>The item's public path: <c>{"RoutePart":{"Path":"gioi-thieu"}}</c>.</summary>
[DisplayName("Đường dẫn")]
public sealed class RoutePart
{
    public string? Path { get; set; }

    /// <summary>
    /// The form paths are stored and looked up in: trimmed, without surrounding slashes, lower case
    /// (paths are ASCII slugs, so lower-casing is culture-neutral). Empty when there is no path.
    /// </summary>
    public static string Normalize(string? path) =>
        string.IsNullOrWhiteSpace(path) ? "" : path.Trim().Trim('/').ToLowerInvariant();
}
