using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

internal sealed class ContentRouteLookup(PortalDbContext db) : IContentRouteLookup
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
