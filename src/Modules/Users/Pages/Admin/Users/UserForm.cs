using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin.Users;

/// <summary>
/// What the create and edit pages share: the form fields and the roles to pick from, which are the
/// roles the signed-in user may give (<see cref="PrivilegeCeiling"/>).
/// </summary>
public abstract class UserFormPageModel(PrivilegeCeiling ceiling) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<string> AvailableRoles { get; private set; } = [];

    /// <summary>True on the create page, where a password is required.</summary>
    public abstract bool IsNew { get; }

    /// <summary>True when the form asks for the signed-in user's own password (resetting an administrator's).</summary>
    public bool AsksActorPassword { get; protected set; }

    protected PrivilegeCeiling Ceiling => ceiling;

    protected async Task LoadRolesAsync() =>
        AvailableRoles = await ceiling.GrantableRolesAsync(HttpContext.RequestAborted);

    /// <summary>Shows the result's errors on the form; a refusal of the privilege ceiling answers 403.</summary>
    protected void AddErrors(UserAccountResult result)
    {
        if (result.Forbidden)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

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

    /// <summary>The signed-in user's own password, asked again to reset an administrator's password.</summary>
    [Display(Name = "Mật khẩu của bạn")]
    [DataType(DataType.Password)]
    [StringLength(512, ErrorMessage = "Mật khẩu dài tối đa 512 ký tự.")]
    public string? ActorPassword { get; set; }
}
