using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

/// <summary>Indexes the path of an item's <see cref="RoutePart"/>.</summary>
internal sealed class RouteIndexProvider : ContentIndexProvider<RouteIndex>
{
    public override IEnumerable<RouteIndex> Map(ContentItem version)
    {
        var path = RoutePart.Normalize(version.As<RoutePart>()?.Path);
        return path.Length == 0 ? [] : [new RouteIndex { Path = path }];
    }
}
