using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin.Account;

/// <summary>
/// Every signed-in user's own password change: the current password first, then a new one that
/// meets the tenant's rules and is none of the recent ones. Also where an account that must change
/// its password (generated, reset by an administrator, too old) is sent until it has.
/// </summary>
[AllowDuringAccountSetup]
public sealed class PasswordModel(UserManager<PortalUser> userManager, SignInManager<PortalUser> signInManager, UserAccounts accounts, AccountSettings settings) : PageModel
{
    public const int MaxPasswordLength = LoginModel.MaxPasswordLength;

    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True while the account may do nothing else.</summary>
    public bool Required => User.HasClaim(c => c.Type == AccountSetup.MustChangePasswordClaim);

    public string Rules { get; private set; } = "";

    public async Task OnGetAsync() => Rules = PasswordRules.Describe(await settings.PasswordsAsync(HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostAsync()
    {
        Rules = PasswordRules.Describe(await settings.PasswordsAsync(HttpContext.RequestAborted));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var result = await accounts.ChangeOwnPasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error);
            }

            return Page();
        }

        // The change gave the account a new security stamp (its other sign-ins end); this one goes on,
        // re-issued without the claim that kept it on this page.
        await signInManager.RefreshSignInAsync(user);
        TempData.AddSuccess("Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.");
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Admin/Index");
    }
}

public sealed class ChangePasswordInput
{
    [Display(Name = "Mật khẩu hiện tại")]
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")]
    [StringLength(PasswordModel.MaxPasswordLength, ErrorMessage = "Mật khẩu không được dài quá {1} ký tự.")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [Display(Name = "Mật khẩu mới")]
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
    [StringLength(PasswordModel.MaxPasswordLength, ErrorMessage = "Mật khẩu không được dài quá {1} ký tự.")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [Display(Name = "Nhập lại mật khẩu mới")]
    [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu mới.")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "Mật khẩu nhập lại không khớp.")]
    public string ConfirmPassword { get; set; } = "";
}
