using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Menus.Models;
using Portal.Modules.Menus.Services;

namespace Portal.Modules.Menus.Pages.Admin.Menus;

/// <summary>The entries of one menu in tree order: add, move up or down, delete; each entry links to its edit page.</summary>
[RequirePermission(nameof(Permissions.ManageMenus))]
public sealed class ItemsModel(MenuService menus, MenuEditor editor) : PageModel
{
    public Menu? Menu { get; private set; }

    public IReadOnlyList<MenuItemInfo> Items { get; private set; } = [];

    [BindProperty]
    public MenuItemForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string name) => await LoadAsync(name) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string name)
    {
        if (!await LoadAsync(name))
        {
            return NotFound();
        }

        var result = await editor.AddItemAsync(name, Input.ToInput(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error);
            }

            return Page();
        }

        TempData.AddSuccess($"Đã thêm “{result.Item!.Text}”.");
        return RedirectToPage(new { name });
    }

    public Task<IActionResult> OnPostUpAsync(string name, string id) => ChangeAsync(name, editor.MoveItemAsync(id, -1, HttpContext.RequestAborted), null);

    public Task<IActionResult> OnPostDownAsync(string name, string id) => ChangeAsync(name, editor.MoveItemAsync(id, 1, HttpContext.RequestAborted), null);

    public Task<IActionResult> OnPostDeleteAsync(string name, string id) => ChangeAsync(name, editor.DeleteItemAsync(id, HttpContext.RequestAborted), "Đã xoá “{0}”.");

    private async Task<IActionResult> ChangeAsync(string name, Task<MenuEditResult> change, string? success)
    {
        var result = await change;
        if (!result.Succeeded)
        {
            TempData.AddErrors(result.Errors);
        }
        else if (success is not null)
        {
            TempData.AddSuccess(string.Format(System.Globalization.CultureInfo.InvariantCulture, success, result.Item!.Text));
        }

        return RedirectToPage(new { name });
    }

    private async Task<bool> LoadAsync(string name)
    {
        Menu = await editor.FindMenuAsync(name, HttpContext.RequestAborted);
        if (Menu is null)
        {
            return false;
        }

        Items = await menus.GetItemsAsync(name, HttpContext.RequestAborted);
        return true;
    }
}
