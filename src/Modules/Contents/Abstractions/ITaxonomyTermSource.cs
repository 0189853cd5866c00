namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// The terms a <see cref="ContentFieldTypes.Taxonomy"/> field offers in the content editor. The
/// Taxonomies module implements it; without it the editor falls back to terms typed by name. A
/// field names its taxonomy in its settings: <c>{"taxonomy":"chuyen-muc"}</c>.
/// </summary>
public interface ITaxonomyTermSource
{
    /// <summary>The current tenant's terms of the taxonomy in tree order (parents first), with their depth (0 at the top); empty for an unknown taxonomy.</summary>
    Task<IReadOnlyList<(string Id, string Name, int Depth)>> GetTermsAsync(string taxonomy, CancellationToken cancellationToken = default);
}
