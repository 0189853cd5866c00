using Portal.Core;
using Portal.Core.Tenancy;
using Portal.Core.Text;

namespace Portal.Modules.Tenants.Services;

/// <summary>
/// Lists tenants for the admin and the command line, from the in-memory registry: a few
/// thousand tenants page and search in microseconds, with no query per request.
/// </summary>
public sealed class TenantQueries(TenantRegistry registry)
{
    public const int DefaultPageSize = 20;

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
        page = Paging.ClampPage(page, pageSize, matches.Count);
        return new PagedResult<TenantDescriptor>(matches.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, matches.Count);
    }

    private static string Fold(string text) => VietnameseText.RemoveDiacritics(text.Trim()).ToLowerInvariant();
}
