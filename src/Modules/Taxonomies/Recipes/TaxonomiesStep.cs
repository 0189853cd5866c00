using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Text;
using Portal.Modules.Taxonomies.Models;
using Portal.Modules.Taxonomies.Services;

namespace Portal.Modules.Taxonomies.Recipes;

/// <summary>
/// <c>{"name":"taxonomies","taxonomies":[{"name":"chuyen-muc","displayName":"Chuyên mục","terms":[{"name":"Tin tức - Sự kiện","slug":"tin-tuc-su-kien","description":"...","children":[...]}]}]}</c>:
/// creates the taxonomies and their nested terms, in the order written. A term's slug is made
/// from its name when it has none. A term whose slug is already in its taxonomy is updated (name,
/// description, parent, place), never duplicated; terms the recipe does not name are left alone, so
/// the step can run again. Each term's id is published to the later steps of the run as
/// <c>{{taxonomy.chuyen-muc.tin-tuc-su-kien}}</c> (a Taxonomy field's <c>Terms[].Id</c>).
/// </summary>
public sealed class TaxonomiesStep : RecipeStep<TaxonomiesStep.Body>
{
    public sealed record Body(IReadOnlyList<TaxonomyData> Taxonomies);

    public sealed record TaxonomyData(string Name, string DisplayName, IReadOnlyList<TermData>? Terms = null);

    public sealed record TermData(string Name, string? Slug = null, string? Description = null, IReadOnlyList<TermData>? Children = null);

    public override string Name => "taxonomies";

    /// <summary>The run variable that holds a term's id once the step has run.</summary>
    public static string TermVariable(string taxonomy, string slug) => $"taxonomy.{taxonomy}.{slug}";

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < body.Taxonomies.Count; i++)
        {
            var taxonomy = body.Taxonomies[i];
            if (!VietnameseText.IsSlug(taxonomy.Name) || taxonomy.Name.Length > Taxonomy.NameMaxLength)
            {
                context.Error($"taxonomies[{i}].name", "must be a slug (a-z, 0-9, single hyphens)", "phải gồm chữ thường không dấu, chữ số và dấu gạch ngang");
            }
            else if (!names.Add(taxonomy.Name))
            {
                context.Error($"taxonomies[{i}].name", $"taxonomy '{taxonomy.Name}' is listed twice", $"phân loại '{taxonomy.Name}' được khai báo hai lần");
            }

            var slugs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (term, path) in Walk(taxonomy.Terms, $"taxonomies[{i}].terms"))
            {
                var slug = SlugOf(term);
                if (slug.Length == 0 || !VietnameseText.IsSlug(slug) || slug.Length > Term.SlugMaxLength)
                {
                    context.Error(term.Slug is null ? $"{path}.name" : $"{path}.slug",
                        "gives no valid slug (a-z, 0-9, single hyphens)", "không cho được đường dẫn hợp lệ (chữ thường không dấu, chữ số, dấu gạch ngang)");
                }
                else if (!slugs.Add(slug))
                {
                    context.Error($"{path}.slug", $"slug '{slug}' is used twice in the taxonomy", $"đường dẫn '{slug}' bị dùng hai lần trong phân loại");
                }
            }
        }
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var editor = context.Services.GetRequiredService<TaxonomyEditor>();
        var db = context.Services.GetRequiredService<PortalDbContext>();
        foreach (var (taxonomy, index) in body.Taxonomies.Select((t, i) => (t, i)))
        {
            var errors = await editor.SaveTaxonomyAsync(taxonomy.Name, taxonomy.DisplayName, cancellationToken).ConfigureAwait(false);
            Check(context, $"taxonomies[{index}]", errors);
            await SaveTermsAsync(context, editor, db, taxonomy.Name, taxonomy.Terms, null, $"taxonomies[{index}].terms", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SaveTermsAsync(RecipeStepContext context, TaxonomyEditor editor, PortalDbContext db, string taxonomy, IReadOnlyList<TermData>? terms, string? parentId, string path, CancellationToken cancellationToken)
    {
        for (var i = 0; i < (terms?.Count ?? 0); i++)
        {
            var data = terms![i];
            var slug = SlugOf(data);
            var input = new TermInput(data.Name, slug, data.Description, parentId) { Order = i };
            var existing = await db.Set<Term>().AsNoTracking().Where(t => t.Taxonomy == taxonomy && t.Slug == slug).Select(t => t.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var result = existing is null
                ? await editor.AddTermAsync(taxonomy, input, cancellationToken).ConfigureAwait(false)
                : await editor.UpdateTermAsync(existing, input, cancellationToken).ConfigureAwait(false);
            Check(context, $"{path}[{i}]", result.Errors);
            context.Run.Variables[TermVariable(taxonomy, slug)] = result.Term!.Id;
            await SaveTermsAsync(context, editor, db, taxonomy, data.Children, result.Term.Id, $"{path}[{i}].children", cancellationToken).ConfigureAwait(false);
        }
    }

    private void Check(RecipeStepContext context, string path, IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new RecipeException(Name, errors.Select(e => context.Error(path, e, e)).ToList());
        }
    }

    private static string SlugOf(TermData term) =>
        term.Slug is { } slug ? slug.Trim() : VietnameseText.Slugify(term.Name, Term.SlugMaxLength);

    private static IEnumerable<(TermData Term, string Path)> Walk(IReadOnlyList<TermData>? terms, string path)
    {
        for (var i = 0; i < (terms?.Count ?? 0); i++)
        {
            yield return (terms![i], $"{path}[{i}]");
            foreach (var child in Walk(terms[i].Children, $"{path}[{i}].children"))
            {
                yield return child;
            }
        }
    }
}
