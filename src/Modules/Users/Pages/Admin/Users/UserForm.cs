using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin.Users;

/// <summary>What the create and edit pages share: the form fields and the tenant's roles to pick from.</summary>
public abstract class UserFormPageModel(RoleManager<PortalRole> roleManager) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    /// <summary>
    /// A password an administrator sets must be changed by its owner at the next sign-in: on unless
    /// the box is unticked (a form that does not send it at all keeps the safe default).
    /// </summary>
    [BindProperty]
    public bool? MustChangePassword { get; set; } = true;

    protected bool PasswordMustBeChanged => MustChangePassword != false;

    public IReadOnlyList<string> AvailableRoles { get; private set; } = [];

    /// <summary>True on the create page, where a password is required.</summary>
    public abstract bool IsNew { get; }

    protected async Task LoadRolesAsync() =>
        AvailableRoles = await roleManager.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync(HttpContext.RequestAborted);

    protected void AddErrors(UserAccountResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error);
        }
    }
}

public sealed class UserInput
{
    [Display(Name = "Tên đăng nhập")]
    [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
    [StringLength(256, ErrorMessage = "Tên đăng nhập dài tối đa 256 ký tự.")]
    public string UserName { get; set; } = "";

    [Display(Name = "Thư điện tử")]
    [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Địa chỉ thư điện tử dài tối đa 256 ký tự.")]
    public string? Email { get; set; }

    [Display(Name = "Mật khẩu")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Nhập lại mật khẩu")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Mật khẩu nhập lại không khớp.")]
    public string? ConfirmPassword { get; set; }

    public List<string> Roles { get; set; } = [];
}
