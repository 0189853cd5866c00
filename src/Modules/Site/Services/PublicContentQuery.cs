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
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        if (await InTermsAsync(query, cancellationToken).ConfigureAwait(false) is not { } inTerms)
        {
            return await Newest(Filtered(query))
                .Select(Summary)
                .ToPagedResultAsync(Math.Max(1, query.Page), pageSize, cancellationToken).ConfigureAwait(false);
        }

        var total = await inTerms.Select(t => t.ContentItemId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
        var page = Paging.ClampPage(query.Page, pageSize, total);
        var items = await PageInTermsAsync(inTerms, (page - 1) * pageSize, pageSize, cancellationToken).ConfigureAwait(false);
        return new PagedResult<PublicItemSummary>(items, page, pageSize, total);
    }

    public async Task<IReadOnlyList<PublicItemSummary>> LatestAsync(PublicListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = Math.Clamp(query.PageSize, 1, MaxPageSize);
        return await InTermsAsync(query, cancellationToken).ConfigureAwait(false) is { } inTerms
            ? await PageInTermsAsync(inTerms, 0, count, cancellationToken).ConfigureAwait(false)
            : await Newest(Filtered(query)).Select(Summary).Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The items of the type (and featured ones only) when the query names no term.</summary>
    private IQueryable<PublicItemIndex> Filtered(PublicListQuery query)
    {
        var rows = db.Set<PublicItemIndex>().AsNoTracking();
        if (!string.IsNullOrEmpty(query.ContentType))
        {
            rows = rows.Where(r => r.ContentType == query.ContentType);
        }

        if (query.FeaturedOnly)
        {
            // A parameter, not the bare column: SQLite's planner can then use the Featured index.
            rows = rows.Where(r => r.Featured == EF.Parameter(true));
        }

        if (query.TermId is { Length: > 0 } termId)
        {
            // Featured items of a term: rare (no box asks for it), filtered through the item rows.
            var inTerm = db.Set<PublicTermIndex>().Where(t => t.TermId == termId);
            rows = rows.Where(r => inTerm.Any(t => t.ContentItemId == r.ContentItemId));
        }

        return rows;
    }

    private static IOrderedQueryable<PublicItemIndex> Newest(IQueryable<PublicItemIndex> rows) =>
        rows.OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id);

    /// <summary>
    /// The term rows of a term query (the term and its descendants, of the type), which carry the
    /// publication time, so the page is read from their index (TenantId, TermId, PublishedUtc)
    /// instead of testing every item of the site; null when the query names no term or wants
    /// featured items only.
    /// </summary>
    private async Task<IQueryable<PublicTermIndex>?> InTermsAsync(PublicListQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query.TermId) || query.FeaturedOnly)
        {
            return null;
        }

        var termIds = await TermAndDescendantsAsync(query.TermId, cancellationToken).ConfigureAwait(false);
        var rows = termIds.Count == 1
            ? db.Set<PublicTermIndex>().AsNoTracking().Where(t => t.TermId == query.TermId)
            : db.Set<PublicTermIndex>().AsNoTracking().Where(t => termIds.Contains(t.TermId));
        return string.IsNullOrEmpty(query.ContentType) ? rows : rows.Where(t => t.ContentType == query.ContentType);
    }

    /// <summary>One page of distinct items of the term rows, newest first, then their summaries in that order.</summary>
    private async Task<IReadOnlyList<PublicItemSummary>> PageInTermsAsync(IQueryable<PublicTermIndex> inTerms, int skip, int take, CancellationToken cancellationToken)
    {
        var ids = await inTerms
            .Select(t => new { t.ContentItemId, t.PublishedUtc })
            .Distinct()
            .OrderByDescending(t => t.PublishedUtc).ThenByDescending(t => t.ContentItemId)
            .Skip(skip).Take(take)
            .Select(t => t.ContentItemId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await GetSummariesAsync(ids, cancellationToken).ConfigureAwait(false);
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
