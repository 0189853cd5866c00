using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
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
public sealed class EditModel(RoleManager<PortalRole> roleManager, RolePermissions rolePermissions, PrivilegeCeiling ceiling, ModuleCatalog catalog, IAuditLog auditLog)
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

    /// <summary>The signed-in user, whose rights bound what the page offers (null: unbounded).</summary>
    public PrivilegeActor? Actor { get; private set; }

    /// <summary>False when the role grants rights the signed-in user lacks: the page only shows it.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>True when the signed-in user may tick this permission (only full rights may grant full rights).</summary>
    public bool CanGrant(string permission) => Actor is null || Actor.Holds(permission);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Description = Role!.Description;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var posted = Selected;
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Selected = posted;
            return Page();
        }

        // Only permissions this host knows can be ticked; others (of a removed module) are kept.
        var current = Selected;
        var wanted = posted.Where(p => p == PermissionPolicies.All || Labels.IsKnown(p))
            .Concat(current.Where(p => p != PermissionPolicies.All && !Labels.IsKnown(p)))
            .ToList();
        Selected = posted;
        if (await rolePermissions.CheckAsync(Role!, wanted) is { } refused)
        {
            // Refused by the privilege ceiling (audited): 403, with the reason on the page.
            ModelState.AddModelError("", refused);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        if (description != Role!.Description)
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

    private async Task<bool> LoadAsync(string id)
    {
        Role = await roleManager.FindByIdAsync(id);
        if (Role is null)
        {
            return false;
        }

        Selected = [.. await rolePermissions.GetAsync(Role)];
        Actor = await ceiling.ActorAsync(HttpContext.RequestAborted);
        CanEdit = Actor is null || Actor.Covers(Selected);
        return true;
    }
}
