using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

internal sealed class ContentRouteLookup(PortalDbContext db) : IContentRouteLookup
{
    // Compiled once per model: every public page of an item starts here, and a LINQ query pays for
    // its expression tree, parameter extraction and cache lookup on each call. One per model, not
    // one for the process: a compiled query keeps the executor of the first context it ran with,
    // and SQLite's and PostgreSQL's models (both in one test run) need their own. The tenant
    // filter still applies: it reads the context passed in.
    private static readonly ConditionalWeakTable<IModel, Func<PortalDbContext, string, CancellationToken, Task<ContentItem?>>> PublishedByPath = [];

    public async Task<ContentItem?> FindPublishedByPathAsync(string path, CancellationToken cancellationToken = default)
    {
        var normalized = RoutePart.Normalize(path);
        if (normalized.Length == 0)
        {
            return null;
        }

        var query = PublishedByPath.GetValue(db.Model, static _ => Compile());
        return await query(db, normalized, cancellationToken).ConfigureAwait(false);
    }

    private static Func<PortalDbContext, string, CancellationToken, Task<ContentItem?>> Compile() =>
        EF.CompileAsyncQuery((PortalDbContext context, string path, CancellationToken cancellationToken) =>
            (from route in context.Set<RouteIndex>()
             where route.Path == path && route.Published
             join item in context.Set<ContentItem>() on route.ContentItemVersionId equals item.ContentItemVersionId
             where item.Published
             select item)
            .AsNoTracking()
            .FirstOrDefault());
}
