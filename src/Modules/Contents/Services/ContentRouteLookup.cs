using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

internal sealed class ContentRouteLookup(PortalDbContext db) : IContentRouteLookup
{
    // Compiled once: every public page of an item starts here, and a LINQ query pays for its
    // expression tree, parameter extraction and cache lookup on each call. The tenant filter still
    // applies (it reads the context passed in); EF keeps one executor per model, so the SQLite and
    // PostgreSQL contexts each get their own.
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<ContentItem?>> PublishedByPath =
        EF.CompileAsyncQuery((PortalDbContext context, string path, CancellationToken cancellationToken) =>
            (from route in context.Set<RouteIndex>()
             where route.Path == path && route.Published
             join item in context.Set<ContentItem>() on route.ContentItemVersionId equals item.ContentItemVersionId
             where item.Published
             select item)
            .AsNoTracking()
            .FirstOrDefault());

    public async Task<ContentItem?> FindPublishedByPathAsync(string path, CancellationToken cancellationToken = default)
    {
        var normalized = RoutePart.Normalize(path);
        return normalized.Length == 0 ? null : await PublishedByPath(db, normalized, cancellationToken).ConfigureAwait(false);
    }
}
