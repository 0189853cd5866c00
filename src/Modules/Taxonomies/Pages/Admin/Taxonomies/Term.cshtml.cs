using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Core.Collections;
using Portal.Core.Security;
using Portal.Modules.Taxonomies.Abstractions;
using Portal.Modules.Taxonomies.Models;
using Portal.Modules.Taxonomies.Services;

namespace Portal.Modules.Taxonomies.Pages.Admin.Taxonomies;

/// <summary>Edits one term: name, slug, description and parent.</summary>
[RequirePermission(nameof(Permissions.ManageTaxonomies))]
public sealed class TermModel(TaxonomyService taxonomies, TaxonomyEditor editor) : PageModel
{
    public Taxonomy? Taxonomy { get; private set; }

    public TaxonomyTermInfo? Current { get; private set; }

    /// <summary>The terms it may be moved under: not itself nor its descendants.</summary>
    public IReadOnlyList<TaxonomyTermInfo> Parents { get; private set; } = [];

    [BindProperty]
    public TermForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string name, string id)
    {
        if (!await LoadAsync(name, id))
        {
            return NotFound();
        }

        Input = TermForm.From(Current!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, string id)
    {
        if (!await LoadAsync(name, id))
        {
            return NotFound();
        }

        var result = await editor.UpdateTermAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error);
            }

            return Page();
        }

        TempData.AddSuccess($"Đã lưu “{result.Term!.Name}”.");
        return RedirectToPage("Terms", new { name });
    }

    private async Task<bool> LoadAsync(string name, string id)
    {
        Taxonomy = await editor.FindTaxonomyAsync(name, HttpContext.RequestAborted);
        var terms = Taxonomy is null ? [] : await taxonomies.GetTermsAsync(name, HttpContext.RequestAborted);
        Current = terms.FirstOrDefault(t => t.Id == id);
        Parents = terms.Where(t => !TreeOrder.IsSelfOrDescendant(terms, x => x.Id, x => x.ParentId, id, t.Id)).ToList();
        return Current is not null;
    }
}
