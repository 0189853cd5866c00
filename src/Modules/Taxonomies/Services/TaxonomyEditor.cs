using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Auditing;
using Portal.Core.Collections;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Core.Web;
using Portal.Modules.Taxonomies.Models;

namespace Portal.Modules.Taxonomies.Services;

/// <summary>What an editor types for a term; an empty slug is made from the name.</summary>
public sealed record TermInput(string? Name, string? Slug = null, string? Description = null, string? ParentId = null)
{
    /// <summary>The term's place among its siblings; null keeps it (or puts a new or moved term last).</summary>
    public int? Order { get; init; }
}

/// <summary>The outcome of a change: the term it concerns, or Vietnamese reasons why nothing was saved.</summary>
public sealed record TaxonomyEditResult(Term? Term, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static TaxonomyEditResult Fail(params string[] errors) => new(null, errors);
}

/// <summary>
/// Every change to the current tenant's taxonomies (admin pages and the recipe step): checked,
/// audited, saved, then the tenant's cached taxonomies and public pages are evicted.
/// </summary>
public sealed class TaxonomyEditor(PortalDbContext db, ICurrentTenant currentTenant, IAuditLog auditLog, IMemoryCache cache, IPublicPageCache pageCache)
{
    public const string TaxonomySavedAction = "taxonomies.taxonomy-saved";
    public const string TermAddedAction = "taxonomies.term-added";
    public const string TermUpdatedAction = "taxonomies.term-updated";
    public const string TermMovedAction = "taxonomies.term-moved";
    public const string TermDeletedAction = "taxonomies.term-deleted";

    public const string UnknownTaxonomy = "Không tìm thấy phân loại này.";
    public const string UnknownTerm = "Không tìm thấy thuật ngữ này (có thể đã bị xoá).";
    public const string EmptyName = "Vui lòng nhập tên.";
    public const string BadSlug = "Đường dẫn (slug) chỉ gồm chữ thường không dấu (a-z), chữ số và dấu gạch ngang, không bắt đầu hay kết thúc bằng dấu gạch ngang.";
    public const string NoSlugFromName = "Không tạo được đường dẫn từ tên: vui lòng nhập đường dẫn (slug).";
    public const string ParentIsSelfOrDescendant = "Không thể chọn chính thuật ngữ này hoặc một thuật ngữ con của nó làm thuật ngữ cha.";
    public const string UnknownParent = "Thuật ngữ cha không tồn tại trong phân loại này.";

    private string TenantId => currentTenant.Tenant?.Id ?? throw new InvalidOperationException("Taxonomies are changed for a tenant; none is current.");

    public Task<Taxonomy?> FindTaxonomyAsync(string name, CancellationToken cancellationToken = default) =>
        db.Set<Taxonomy>().FirstOrDefaultAsync(t => t.Name == name, cancellationToken);

    /// <summary>Creates the taxonomy or renames it (its technical name never changes).</summary>
    public async Task<IReadOnlyList<string>> SaveTaxonomyAsync(string? name, string? displayName, CancellationToken cancellationToken = default)
    {
        name = Clean(name);
        displayName = Clean(displayName);
        var errors = new List<string>();
        if (!VietnameseText.IsSlug(name) || name.Length > Taxonomy.NameMaxLength)
        {
            errors.Add($"Mã phân loại chỉ gồm chữ thường không dấu (a-z), chữ số và dấu gạch ngang, tối đa {Taxonomy.NameMaxLength} ký tự.");
        }

        CheckName(errors, displayName, Taxonomy.DisplayNameMaxLength, "Vui lòng nhập tên phân loại.");
        if (errors.Count > 0)
        {
            return errors;
        }

        var taxonomy = await FindTaxonomyAsync(name, cancellationToken).ConfigureAwait(false);
        if (taxonomy is null)
        {
            db.Add(new Taxonomy { Name = name, DisplayName = displayName });
        }
        else if (taxonomy.DisplayName == displayName)
        {
            return [];
        }
        else
        {
            taxonomy.DisplayName = displayName;
        }

        auditLog.Add(TaxonomySavedAction, name, displayName);
        await SaveAsync($"taxonomy {name} saved", cancellationToken).ConfigureAwait(false);
        return [];
    }

    public async Task<TaxonomyEditResult> AddTermAsync(string taxonomy, TermInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await FindTaxonomyAsync(taxonomy, cancellationToken).ConfigureAwait(false) is null)
        {
            return TaxonomyEditResult.Fail(UnknownTaxonomy);
        }

        var terms = await TermsOfAsync(taxonomy, cancellationToken).ConfigureAwait(false);
        var term = new Term { Id = Term.NewId(), Taxonomy = taxonomy };
        var errors = Apply(term, input, terms, isNew: true);
        if (errors.Count > 0)
        {
            return new TaxonomyEditResult(null, errors);
        }

        db.Add(term);
        auditLog.Add(TermAddedAction, $"{taxonomy}/{term.Slug}", term.Name);
        await SaveAsync($"term {taxonomy}/{term.Slug} added", cancellationToken).ConfigureAwait(false);
        return new TaxonomyEditResult(term, []);
    }

    public async Task<TaxonomyEditResult> UpdateTermAsync(string id, TermInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var term = await db.Set<Term>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);
        if (term is null)
        {
            return TaxonomyEditResult.Fail(UnknownTerm);
        }

        var before = (term.Name, term.Slug, term.Description, term.ParentId, term.Order);
        var terms = await TermsOfAsync(term.Taxonomy, cancellationToken).ConfigureAwait(false);
        var errors = Apply(term, input, terms, isNew: false);
        if (errors.Count > 0)
        {
            return new TaxonomyEditResult(null, errors);
        }

        if (before != (term.Name, term.Slug, term.Description, term.ParentId, term.Order))
        {
            auditLog.Add(TermUpdatedAction, $"{term.Taxonomy}/{term.Slug}", Describe(before.Name, before.Slug, term));
            await SaveAsync($"term {term.Taxonomy}/{term.Slug} updated", cancellationToken).ConfigureAwait(false);
        }

        return new TaxonomyEditResult(term, []);
    }

    /// <summary>Moves a term one place up (-1) or down (+1) among its siblings; refused when it is already first or last.</summary>
    public async Task<TaxonomyEditResult> MoveTermAsync(string id, int offset, CancellationToken cancellationToken = default)
    {
        var term = await db.Set<Term>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);
        if (term is null)
        {
            return TaxonomyEditResult.Fail(UnknownTerm);
        }

        var siblings = (await TermsOfAsync(term.Taxonomy, cancellationToken).ConfigureAwait(false)).Where(t => t.ParentId == term.ParentId);
        if (!TreeOrder.Move(siblings, t => t.Id, t => t.Order, (t, order) => t.Order = order, term.Id, Math.Sign(offset)))
        {
            return TaxonomyEditResult.Fail(offset < 0 ? $"“{term.Name}” đã ở vị trí đầu tiên." : $"“{term.Name}” đã ở vị trí cuối cùng.");
        }

        auditLog.Add(TermMovedAction, $"{term.Taxonomy}/{term.Slug}", offset < 0 ? "up" : "down");
        await SaveAsync($"term {term.Taxonomy}/{term.Slug} moved", cancellationToken).ConfigureAwait(false);
        return new TaxonomyEditResult(term, []);
    }

    /// <summary>Deletes a term that has no children (content that names it keeps its id and name).</summary>
    public async Task<TaxonomyEditResult> DeleteTermAsync(string id, CancellationToken cancellationToken = default)
    {
        var term = await db.Set<Term>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);
        if (term is null)
        {
            return TaxonomyEditResult.Fail(UnknownTerm);
        }

        var children = await db.Set<Term>().CountAsync(t => t.ParentId == term.Id, cancellationToken).ConfigureAwait(false);
        if (children > 0)
        {
            return TaxonomyEditResult.Fail($"Không thể xoá “{term.Name}” vì còn {children} thuật ngữ con: hãy xoá hoặc chuyển các thuật ngữ con trước.");
        }

        db.Remove(term);
        auditLog.Add(TermDeletedAction, $"{term.Taxonomy}/{term.Slug}", term.Name);
        await SaveAsync($"term {term.Taxonomy}/{term.Slug} deleted", cancellationToken).ConfigureAwait(false);
        return new TaxonomyEditResult(term, []);
    }

    private Task<List<Term>> TermsOfAsync(string taxonomy, CancellationToken cancellationToken) =>
        db.Set<Term>().Where(t => t.Taxonomy == taxonomy).ToListAsync(cancellationToken);

    // Checks the input against the taxonomy's terms and writes it into the term; nothing is written when there are errors.
    private static List<string> Apply(Term term, TermInput input, IReadOnlyList<Term> terms, bool isNew)
    {
        var errors = new List<string>();
        var name = Clean(input.Name);
        CheckName(errors, name, Term.NameMaxLength, EmptyName);
        var slug = Clean(input.Slug).ToLowerInvariant();
        if (slug.Length == 0 && name.Length > 0)
        {
            slug = VietnameseText.Slugify(name, Term.SlugMaxLength);
            if (slug.Length == 0)
            {
                errors.Add(NoSlugFromName);
            }
        }

        if (slug.Length > 0 && (!VietnameseText.IsSlug(slug) || slug.Length > Term.SlugMaxLength))
        {
            errors.Add(BadSlug);
        }
        else if (slug.Length > 0 && terms.FirstOrDefault(t => t.Slug == slug && t.Id != term.Id) is { } other)
        {
            errors.Add($"Đường dẫn “{slug}” đã được dùng cho “{other.Name}”: vui lòng chọn đường dẫn khác.");
        }

        var description = Clean(input.Description);
        if (description.Length > Term.DescriptionMaxLength)
        {
            errors.Add($"Mô tả dài tối đa {Term.DescriptionMaxLength} ký tự.");
        }

        var parentId = string.IsNullOrWhiteSpace(input.ParentId) ? null : input.ParentId.Trim();
        if (parentId is not null)
        {
            if (!isNew && TreeOrder.IsSelfOrDescendant(terms, t => t.Id, t => t.ParentId, term.Id, parentId))
            {
                errors.Add(ParentIsSelfOrDescendant);
            }
            else if (terms.All(t => t.Id != parentId))
            {
                errors.Add(UnknownParent);
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var moved = isNew || term.ParentId != parentId;
        term.Name = name;
        term.Slug = slug;
        term.Description = description.Length == 0 ? null : description;
        term.ParentId = parentId;
        if (input.Order is { } order)
        {
            term.Order = order;
        }
        else if (moved)
        {
            term.Order = terms.Where(t => t.ParentId == parentId && t.Id != term.Id).Select(t => t.Order + 1).DefaultIfEmpty(0).Max();
        }

        return errors;
    }

    private static void CheckName(List<string> errors, string name, int maxLength, string emptyMessage)
    {
        if (name.Length == 0)
        {
            errors.Add(emptyMessage);
        }
        else if (name.Length > maxLength)
        {
            errors.Add($"Tên dài tối đa {maxLength} ký tự.");
        }
    }

    private static string Describe(string oldName, string oldSlug, Term term) =>
        oldName == term.Name && oldSlug == term.Slug ? term.Name : $"{oldName} ({oldSlug}) -> {term.Name} ({term.Slug})";

    private static string Clean(string? text) => (text ?? "").Normalize(NormalizationForm.FormC).Trim();

    private async Task SaveAsync(string reason, CancellationToken cancellationToken)
    {
        var tenantId = TenantId;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        TaxonomyService.Invalidate(cache, tenantId);
        await pageCache.EvictTenantAsync(tenantId, reason, cancellationToken).ConfigureAwait(false);
    }
}
