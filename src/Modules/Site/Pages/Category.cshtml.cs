using Microsoft.AspNetCore.Mvc;
using Portal.Core;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Site.Services;
using Portal.Modules.Taxonomies.Abstractions;

namespace Portal.Modules.Site.Pages;

/// <summary><c>/chuyen-muc/{slug}</c>: the category's published items and those of its sub-categories, newest first, with paging.</summary>
public sealed class CategoryModel(IPublicContentQuery query, ITaxonomyService taxonomies) : PublicPageModel
{
    public TaxonomyTermInfo Term { get; private set; } = null!;

    /// <summary>From the top category down to this one's parent.</summary>
    public IReadOnlyList<TaxonomyTermInfo> Ancestors { get; private set; } = [];

    public IReadOnlyList<TaxonomyTermInfo> Children { get; private set; } = [];

    public PagedResult<PublicItemSummary> Items { get; private set; } = new([], 1, ListPageSize, 0);

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        if (!TryReadPage(pageNumber, out var number) || string.IsNullOrWhiteSpace(slug) || slug.Length > 200
            || await taxonomies.FindBySlugAsync(TaxonomyNames.Categories, slug.ToLowerInvariant(), cancellationToken) is not { } term)
        {
            return NotFound();
        }

        Term = term;
        var terms = await taxonomies.GetTermsAsync(TaxonomyNames.Categories, cancellationToken);
        Children = [.. terms.Where(t => t.ParentId == term.Id)];
        Ancestors = AncestorsOf(terms, term);
        Items = await query.ListAsync(new PublicListQuery(TermId: term.Id, Page: number, PageSize: ListPageSize), cancellationToken);
        SetMeta(new PageMeta(Items.Page > 1 ? $"{term.Name} - trang {Items.Page}" : term.Name, term.Description, CanonicalPath: $"/chuyen-muc/{term.Slug}"));
        return Page();
    }

    internal static IReadOnlyList<TaxonomyTermInfo> AncestorsOf(IReadOnlyList<TaxonomyTermInfo> terms, TaxonomyTermInfo term)
    {
        var chain = new List<TaxonomyTermInfo>();
        var parentId = term.ParentId;
        while (parentId is not null && chain.Count < 32 && terms.FirstOrDefault(t => t.Id == parentId) is { } parent)
        {
            chain.Insert(0, parent);
            parentId = parent.ParentId;
        }

        return chain;
    }
}
