using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Core.Collections;
using Portal.Core.Security;
using Portal.Modules.Menus.Models;
using Portal.Modules.Menus.Services;

namespace Portal.Modules.Menus.Pages.Admin.Menus;

/// <summary>Edits one menu entry: text, address, parent, new window.</summary>
[RequirePermission(nameof(Permissions.ManageMenus))]
public sealed class ItemModel(MenuService menus, MenuEditor editor) : PageModel
{
    public Menu? Menu { get; private set; }

    public MenuItemInfo? Current { get; private set; }

    /// <summary>The entries it may be moved under: not itself nor its descendants.</summary>
    public IReadOnlyList<MenuItemInfo> Parents { get; private set; } = [];

    [BindProperty]
    public MenuItemForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string name, string id)
    {
        if (!await LoadAsync(name, id))
        {
            return NotFound();
        }

        Input = MenuItemForm.From(Current!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, string id)
    {
        if (!await LoadAsync(name, id))
        {
            return NotFound();
        }

        var result = await editor.UpdateItemAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error);
            }

            return Page();
        }

        TempData.AddSuccess($"Đã lưu “{result.Item!.Text}”.");
        return RedirectToPage("Items", new { name });
    }

    private async Task<bool> LoadAsync(string name, string id)
    {
        Menu = await editor.FindMenuAsync(name, HttpContext.RequestAborted);
        var items = Menu is null ? [] : await menus.GetItemsAsync(name, HttpContext.RequestAborted);
        Current = items.FirstOrDefault(i => i.Id == id);
        Parents = items.Where(i => !TreeOrder.IsSelfOrDescendant(items, x => x.Id, x => x.ParentId, id, i.Id)).ToList();
        return Current is not null;
    }
}
