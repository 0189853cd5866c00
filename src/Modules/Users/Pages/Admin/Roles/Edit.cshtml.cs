using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Core.Auditing;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin.Roles;

[RequirePermission(nameof(Permissions.ManageRoles))]
public sealed class EditModel(RoleManager<PortalRole> roleManager, RolePermissions rolePermissions, ModuleCatalog catalog, IAuditLog auditLog)
    : PageModel
{
    public const string UpdatedAction = "roles.updated";

    [BindProperty]
    [Display(Name = "Mô tả")]
    [StringLength(1024, ErrorMessage = "Mô tả dài tối đa 1024 ký tự.")]
    public string? Description { get; set; }

    [BindProperty]
    public List<string> Selected { get; set; } = [];

    public PortalRole? Role { get; private set; }

    public PermissionLabels Labels { get; } = new(catalog);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Role = await roleManager.FindByIdAsync(id);
        if (Role is null)
        {
            return NotFound();
        }

        Description = Role.Description;
        Selected = [.. await rolePermissions.GetAsync(Role)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        Role = await roleManager.FindByIdAsync(id);
        if (Role is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Only permissions this host knows can be ticked; others (of a removed module) are kept.
        var current = await rolePermissions.GetAsync(Role);
        var wanted = Selected.Where(p => p == PermissionPolicies.All || Labels.IsKnown(p))
            .Concat(current.Where(p => p != PermissionPolicies.All && !Labels.IsKnown(p)))
            .ToList();
        var description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        if (description != Role.Description)
        {
            Role.Description = description;
            var result = await roleManager.UpdateAsync(Role);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError("", error.Description);
                }

                return Page();
            }
        }

        await rolePermissions.SetAsync(Role, wanted);
        await auditLog.WriteAsync(UpdatedAction, Role.Name, string.Join(", ", wanted));
        TempData.AddSuccess($"Đã lưu vai trò {Role.Name}.");
        return RedirectToPage("Index");
    }
}
