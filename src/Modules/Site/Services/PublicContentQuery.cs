using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Site.Models;
using Portal.Modules.Taxonomies.Abstractions;

namespace Portal.Modules.Site.Services;

/// <summary>
/// The current tenant's published content, read from the public index tables (query filter and,
/// on PostgreSQL, row-level security keep it to the tenant). A category's page includes the
/// items of its descendant terms.
/// </summary>
internal sealed class PublicContentQuery(PortalDbContext db, IContentManager contents, IContentRouteLookup routes, IServiceProvider services)
    : IPublicContentQuery
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    public async Task<PagedResult<PublicItemSummary>> ListAsync(PublicListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = db.Set<PublicItemIndex>().AsNoTracking();
        if (!string.IsNullOrEmpty(query.ContentType))
        {
            rows = rows.Where(r => r.ContentType == query.ContentType);
        }

        if (query.FeaturedOnly)
        {
            rows = rows.Where(r => r.Featured);
        }

        if (!string.IsNullOrEmpty(query.TermId))
        {
            var termIds = await TermAndDescendantsAsync(query.TermId, cancellationToken).ConfigureAwait(false);
            var inTerms = db.Set<PublicTermIndex>().Where(t => termIds.Contains(t.TermId));
            rows = rows.Where(r => inTerms.Any(t => t.ContentItemId == r.ContentItemId));
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        return await rows
            .OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id)
            .Select(Summary)
            .ToPagedResultAsync(Math.Max(1, query.Page), pageSize, cancellationToken).ConfigureAwait(false);
    }

    public Task<ContentItem?> GetPublishedAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(contentItemId) || contentItemId.Length > ContentItem.IdLength
            ? Task.FromResult<ContentItem?>(null)
            : contents.GetAsync(contentItemId, VersionOptions.Published, cancellationToken);

    public Task<ContentItem?> GetPublishedByPathAsync(string path, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(path) || path.Length > RouteIndex.PathMaxLength
            ? Task.FromResult<ContentItem?>(null)
            : routes.FindPublishedByPathAsync(path, cancellationToken);

    public async Task<IReadOnlyList<PublicItemSummary>> GetSummariesAsync(IReadOnlyList<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contentItemIds);
        var ids = contentItemIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await db.Set<PublicItemIndex>().AsNoTracking()
            .Where(r => ids.Contains(r.ContentItemId))
            .Select(Summary)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = found.ToDictionary(s => s.ContentItemId, StringComparer.Ordinal);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    /// <summary>The term and every term below it (the taxonomy service gives the tree; without it, the term alone).</summary>
    private async Task<List<string>> TermAndDescendantsAsync(string termId, CancellationToken cancellationToken)
    {
        var result = new List<string> { termId };
        var taxonomies = services.GetService<ITaxonomyService>();
        if (taxonomies is null || await taxonomies.FindByIdAsync(termId, cancellationToken).ConfigureAwait(false) is not { } term)
        {
            return result;
        }

        var terms = await taxonomies.GetTermsAsync(term.Taxonomy, cancellationToken).ConfigureAwait(false);
        return [.. Descendants(terms, termId).Prepend(termId)];
    }

    /// <summary>The ids below <paramref name="termId"/> in a taxonomy's terms, at any depth.</summary>
    internal static IEnumerable<string> Descendants(IReadOnlyList<TaxonomyTermInfo> terms, string termId)
    {
        var found = new HashSet<string>(StringComparer.Ordinal) { termId };
        var queue = new Queue<string>([termId]);
        while (queue.TryDequeue(out var parent))
        {
            foreach (var child in terms.Where(t => t.ParentId == parent && found.Add(t.Id)))
            {
                queue.Enqueue(child.Id);
                yield return child.Id;
            }
        }
    }

    private static readonly System.Linq.Expressions.Expression<Func<PublicItemIndex, PublicItemSummary>> Summary = r =>
        new PublicItemSummary(r.ContentItemId, r.ContentType, r.Title, r.Path, r.Summary, r.ImagePath, r.ImageAlt, r.Featured, r.Culture, r.PublishedUtc, r.ModifiedUtc);
}
