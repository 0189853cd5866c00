using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Modules.Tenants.Models;

namespace Portal.Modules.Tenants.Services;

/// <summary>
/// Lists tenants for the admin and the command line, from the in-memory registry: a few
/// thousand tenants page and search in microseconds, with no query per request. What the
/// registry does not hold (creation dates, the recipe) is read from the table on demand.
/// </summary>
public sealed class TenantQueries(TenantRegistry registry, PortalDbContext db)
{
    public const int DefaultPageSize = Paging.DefaultPageSize;

    /// <summary>Search ignores case and Vietnamese diacritics: "tai chinh" finds "Sở Tài chính".</summary>
    public PagedResult<TenantDescriptor> List(string? search, TenantKind? kind, TenantState? state, int page, int pageSize = DefaultPageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        var needle = string.IsNullOrWhiteSpace(search) ? null : Fold(search);
        var matches = registry.All
            .Where(t => kind is null || t.Kind == kind)
            .Where(t => state is null || t.State == state)
            .Where(t => needle is null || Fold($"{t.Name} {t.DisplayName} {string.Join(' ', t.HostNames)}").Contains(needle, StringComparison.Ordinal))
            .OrderBy(t => t.IsDefault ? 0 : 1)
            .ThenBy(t => t.Kind)
            .ThenBy(t => Fold(t.DisplayName), StringComparer.Ordinal)
            .ToList();
        return matches.ToPagedResult(page, pageSize);
    }

    public TenantDescriptor? Find(string id) => registry.FindById(id);

    /// <summary>The stored settings of one tenant, with what the registry leaves out (recipe, dates).</summary>
    public Task<TenantRecord?> FindRecordAsync(string id, CancellationToken cancellationToken = default) =>
        db.Set<TenantRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>When each of the given tenants was created (UTC), for one page of a list.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> CreatedUtcAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        await db.Set<TenantRecord>().AsNoTracking()
            .Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.CreatedUtc })
            .ToDictionaryAsync(t => t.Id, t => t.CreatedUtc, cancellationToken)
            .ConfigureAwait(false);

    private static string Fold(string text) => VietnameseText.RemoveDiacritics(text.Trim()).ToLowerInvariant();
}
