using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Taxonomies.Services;

namespace Portal.Modules.Taxonomies.Pages.Admin.Taxonomies;

/// <summary>The tenant's taxonomies, and a form to add one.</summary>
[RequirePermission(nameof(Permissions.ManageTaxonomies))]
public sealed class IndexModel(TaxonomyService taxonomies, TaxonomyEditor editor) : PageModel
{
    public IReadOnlyList<TaxonomyInfo> Rows { get; private set; } = [];

    [BindProperty]
    [Display(Name = "Mã (dùng trong địa chỉ và cấu hình trường)")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "Tên phân loại")]
    public string? DisplayName { get; set; }

    public async Task OnGetAsync() => Rows = await taxonomies.ListTaxonomiesAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var name = (Name ?? "").Trim();
        if (await editor.FindTaxonomyAsync(name, HttpContext.RequestAborted) is not null)
        {
            ModelState.AddModelError(nameof(Name), $"Đã có phân loại mã “{name}”.");
        }
        else
        {
            foreach (var error in await editor.SaveTaxonomyAsync(name, DisplayName, HttpContext.RequestAborted))
            {
                ModelState.AddModelError("", error);
            }
        }

        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }

        TempData.AddSuccess($"Đã thêm phân loại {DisplayName!.Trim()}.");
        return RedirectToPage("Terms", new { name });
    }
}
