namespace Portal.Modules.Contents.Abstractions;

/// <summary>Finds the published item behind a public path, for the public pages.</summary>
public interface IContentRouteLookup
{
    /// <summary>The published version whose <see cref="RoutePart"/> path is <paramref name="path"/> in the current tenant, or null.</summary>
    Task<ContentItem?> FindPublishedByPathAsync(string path, CancellationToken cancellationToken = default);
}
