using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Menus.Services;

namespace Portal.Modules.Menus.Pages.Admin.Menus;

/// <summary>The tenant's menus, and a form to add one.</summary>
[RequirePermission(nameof(Permissions.ManageMenus))]
public sealed class IndexModel(MenuService menus, MenuEditor editor) : PageModel
{
    public IReadOnlyList<MenuInfo> Rows { get; private set; } = [];

    [BindProperty]
    [Display(Name = "Mã (giao diện dùng mã này)")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "Tên trình đơn")]
    public string? DisplayName { get; set; }

    public async Task OnGetAsync() => Rows = await menus.ListMenusAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var name = (Name ?? "").Trim();
        if (await editor.FindMenuAsync(name, HttpContext.RequestAborted) is not null)
        {
            ModelState.AddModelError(nameof(Name), $"Đã có trình đơn mã “{name}”.");
        }
        else
        {
            foreach (var error in await editor.SaveMenuAsync(name, DisplayName, HttpContext.RequestAborted))
            {
                ModelState.AddModelError("", error);
            }
        }

        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }

        TempData.AddSuccess($"Đã thêm trình đơn {DisplayName!.Trim()}.");
        return RedirectToPage("Items", new { name });
    }
}
