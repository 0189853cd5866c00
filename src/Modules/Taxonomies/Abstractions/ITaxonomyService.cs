namespace Portal.Modules.Taxonomies.Abstractions;

/// <summary>The taxonomies the product itself relies on (recipes may add others).</summary>
public static class TaxonomyNames
{
    /// <summary>Chuyên mục: the categories of news, nested and ordered; <c>/chuyen-muc/{slug}</c>.</summary>
    public const string Categories = "chuyen-muc";

    /// <summary>Thẻ: free tags of news.</summary>
    public const string Tags = "the";
}

/// <summary>
/// One term of a taxonomy. <see cref="Id"/> is what content stores in a <c>Taxonomy</c> field
/// (<c>{"Terms":[{"Id":"...","Name":"..."}]}</c>); <see cref="Slug"/> is unique within its taxonomy
/// and tenant and names the term in public addresses.
/// </summary>
public sealed record TaxonomyTermInfo(
    string Id,
    string Taxonomy,
    string Name,
    string Slug,
    string? ParentId,
    int Order,
    int Depth,
    string? Description);

/// <summary>Reads the current tenant's taxonomies (cached; a change is seen at once on this node).</summary>
public interface ITaxonomyService
{
    /// <summary>The taxonomy's terms in tree order: each parent before its children, siblings by <see cref="TaxonomyTermInfo.Order"/>. Empty for an unknown taxonomy.</summary>
    Task<IReadOnlyList<TaxonomyTermInfo>> GetTermsAsync(string taxonomy, CancellationToken cancellationToken = default);

    /// <summary>The term with this slug in the taxonomy, or null.</summary>
    Task<TaxonomyTermInfo?> FindBySlugAsync(string taxonomy, string slug, CancellationToken cancellationToken = default);

    /// <summary>The term with this id (any taxonomy of the tenant), or null.</summary>
    Task<TaxonomyTermInfo?> FindByIdAsync(string termId, CancellationToken cancellationToken = default);
}
