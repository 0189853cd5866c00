namespace Portal.Modules.Contents.Abstractions;

/// <summary>The public path of an item's latest and published versions, from its <see cref="RoutePart"/>.</summary>
public sealed class RouteIndex : ContentIndexRow
{
    /// <summary>Kept short enough for a b-tree key on every provider.</summary>
    public const int PathMaxLength = 512;

    /// <summary>Normalised path without leading or trailing slashes, e.g. <c>gioi-thieu</c>.</summary>
    public string Path { get; set; } = "";
}
