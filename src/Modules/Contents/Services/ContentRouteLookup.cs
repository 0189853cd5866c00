using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Services;

/// <summary>Finds the published item behind a public path, for the public pages.</summary>
public interface IContentRouteLookup
{
    /// <summary>The published version whose <see cref="RoutePart"/> path is <paramref name="path"/> in the current tenant, or null.</summary>
    Task<ContentItem?> FindPublishedByPathAsync(string path, CancellationToken cancellationToken = default);
}

public sealed class ContentRouteLookup(PortalDbContext db) : IContentRouteLookup
{
    public async Task<ContentItem?> FindPublishedByPathAsync(string path, CancellationToken cancellationToken = default)
    {
        var normalized = RoutePart.Normalize(path);
        if (normalized.Length == 0)
        {
            return null;
        }

        return await (
                from route in db.Set<RouteIndex>()
                where route.Path == normalized && route.Published
                join item in db.Set<ContentItem>() on route.ContentItemVersionId equals item.ContentItemVersionId
                where item.Published
                select item)
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
