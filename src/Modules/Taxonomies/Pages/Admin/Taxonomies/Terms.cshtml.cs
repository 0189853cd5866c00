using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Taxonomies.Abstractions;
using Portal.Modules.Taxonomies.Models;
using Portal.Modules.Taxonomies.Services;

namespace Portal.Modules.Taxonomies.Pages.Admin.Taxonomies;

/// <summary>The terms of one taxonomy in tree order: add, move up or down, delete; each term links to its edit page.</summary>
[RequirePermission(nameof(Permissions.ManageTaxonomies))]
public sealed class TermsModel(TaxonomyService taxonomies, TaxonomyEditor editor) : PageModel
{
    public Taxonomy? Taxonomy { get; private set; }

    public IReadOnlyList<TaxonomyTermInfo> Terms { get; private set; } = [];

    [BindProperty]
    public TermForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string name) => await LoadAsync(name) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string name)
    {
        if (!await LoadAsync(name))
        {
            return NotFound();
        }

        var result = await editor.AddTermAsync(name, Input.ToInput(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error);
            }

            return Page();
        }

        TempData.AddSuccess($"Đã thêm “{result.Term!.Name}”.");
        return RedirectToPage(new { name });
    }

    public Task<IActionResult> OnPostUpAsync(string name, string id) => ChangeAsync(name, editor.MoveTermAsync(id, -1, HttpContext.RequestAborted), null);

    public Task<IActionResult> OnPostDownAsync(string name, string id) => ChangeAsync(name, editor.MoveTermAsync(id, 1, HttpContext.RequestAborted), null);

    public Task<IActionResult> OnPostDeleteAsync(string name, string id) => ChangeAsync(name, editor.DeleteTermAsync(id, HttpContext.RequestAborted), "Đã xoá “{0}”.");

    private async Task<IActionResult> ChangeAsync(string name, Task<TaxonomyEditResult> change, string? success)
    {
        var result = await change;
        if (!result.Succeeded)
        {
            TempData.AddErrors(result.Errors);
        }
        else if (success is not null)
        {
            TempData.AddSuccess(string.Format(System.Globalization.CultureInfo.InvariantCulture, success, result.Term!.Name));
        }

        return RedirectToPage(new { name });
    }

    private async Task<bool> LoadAsync(string name)
    {
        Taxonomy = await editor.FindTaxonomyAsync(name, HttpContext.RequestAborted);
        if (Taxonomy is null)
        {
            return false;
        }

        Terms = await taxonomies.GetTermsAsync(name, HttpContext.RequestAborted);
        return true;
    }
}
