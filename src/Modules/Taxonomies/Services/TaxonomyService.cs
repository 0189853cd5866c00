using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Collections;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Taxonomies.Abstractions;
using Portal.Modules.Taxonomies.Models;

namespace Portal.Modules.Taxonomies.Services;

/// <summary>A taxonomy as the admin lists it.</summary>
public sealed record TaxonomyInfo(string Name, string DisplayName, int TermCount);

/// <summary>
/// Reads the current tenant's taxonomies: every taxonomy and term of the tenant is read in one go
/// and kept in memory, evicted at once on this node by <see cref="TaxonomyEditor"/> and re-read by
/// other nodes after <see cref="CacheDuration"/>.
/// </summary>
public sealed class TaxonomyService(PortalDbContext db, ICurrentTenant currentTenant, IMemoryCache cache) : ITaxonomyService, ITaxonomyTermSource
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<TaxonomyTermInfo>> GetTermsAsync(string taxonomy, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken).ConfigureAwait(false)).Terms.GetValueOrDefault(taxonomy) ?? [];

    public async Task<TaxonomyTermInfo?> FindBySlugAsync(string taxonomy, string slug, CancellationToken cancellationToken = default) =>
        (await GetTermsAsync(taxonomy, cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public async Task<TaxonomyTermInfo?> FindByIdAsync(string termId, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken).ConfigureAwait(false)).ById.GetValueOrDefault(termId);

    public async Task<IReadOnlyList<TaxonomyInfo>> ListTaxonomiesAsync(CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken).ConfigureAwait(false)).Taxonomies;

    async Task<IReadOnlyList<(string Id, string Name, int Depth)>> ITaxonomyTermSource.GetTermsAsync(string taxonomy, CancellationToken cancellationToken) =>
        (await GetTermsAsync(taxonomy, cancellationToken).ConfigureAwait(false)).Select(t => (t.Id, t.Name, t.Depth)).ToList();

    /// <summary>Forgets the tenant's cached taxonomies on this node.</summary>
    public static void Invalidate(IMemoryCache cache, string tenantId) => cache.Remove(CacheKey(tenantId));

    private static (string, string) CacheKey(string tenantId) => ("taxonomies", tenantId);

    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.Tenant?.Id ?? throw new InvalidOperationException("Taxonomies are read for a tenant; none is current.");
        if (cache.TryGetValue(CacheKey(tenantId), out Snapshot? cached) && cached is not null)
        {
            return cached;
        }

        var taxonomies = await db.Set<Taxonomy>().AsNoTracking().OrderBy(t => t.DisplayName).ToListAsync(cancellationToken).ConfigureAwait(false);
        var terms = await db.Set<Term>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var byTaxonomy = terms.GroupBy(t => t.Taxonomy, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<TaxonomyTermInfo>)TreeOrder.Flatten(g, t => t.Id, t => t.ParentId, t => t.Order)
                .Select(x => new TaxonomyTermInfo(x.Node.Id, x.Node.Taxonomy, x.Node.Name, x.Node.Slug, x.Node.ParentId, x.Node.Order, x.Depth, x.Node.Description))
                .ToList(),
            StringComparer.Ordinal);
        var snapshot = new Snapshot(
            taxonomies.Select(t => new TaxonomyInfo(t.Name, t.DisplayName, byTaxonomy.GetValueOrDefault(t.Name)?.Count ?? 0)).ToList(),
            byTaxonomy,
            byTaxonomy.Values.SelectMany(v => v).ToDictionary(t => t.Id, StringComparer.Ordinal));
        cache.Set(CacheKey(tenantId), snapshot, CacheDuration);
        return snapshot;
    }

    private sealed record Snapshot(
        IReadOnlyList<TaxonomyInfo> Taxonomies,
        IReadOnlyDictionary<string, IReadOnlyList<TaxonomyTermInfo>> Terms,
        IReadOnlyDictionary<string, TaxonomyTermInfo> ById);
}
