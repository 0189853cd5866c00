using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Auditing;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Pages.Admin;

[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicy)]
public sealed class LoginModel(SignInManager<PortalUser> signInManager, IAuditLog auditLog, TimeProvider clock) : PageModel
{
    /// <summary>The rate-limit policy of sign-in attempts (defined by <see cref="UsersModule"/>).</summary>
    public const string RateLimitPolicy = "login";

    public const string SignedInAction = "users.signed-in";
    public const string SignInFailedAction = "users.sign-in-failed";
    public const string LockedOutAction = "users.locked-out";

    public const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";
    public const string LockedOut = "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.";
    public const string LockedByAdministrator = "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userName = Input.UserName.Trim();
        var result = await signInManager.PasswordSignInAsync(userName, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (await signInManager.UserManager.FindByNameAsync(userName) is { } user)
            {
                user.LastSignInUtc = clock.GetUtcNow();
                await signInManager.UserManager.UpdateAsync(user);
            }

            await auditLog.WriteAsync(SignedInAction, userName);
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Admin/Index");
        }

        ErrorMessage = !result.IsLockedOut ? WrongCredentials
            : await IsLockedByAdministratorAsync(userName) ? LockedByAdministrator
            : LockedOut;
        await auditLog.WriteAsync(result.IsLockedOut ? LockedOutAction : SignInFailedAction, userName);
        return Page();
    }

    // An administrator's lock has no end date (UserAccounts.LockAsync), unlike the 15-minute lockout.
    private async Task<bool> IsLockedByAdministratorAsync(string userName) =>
        await signInManager.UserManager.FindByNameAsync(userName) is { LockoutEnd: { } end } && end == DateTimeOffset.MaxValue;
}

public sealed class LoginInput
{
    [Display(Name = "Tên đăng nhập")]
    [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
    public string UserName { get; set; } = "";

    [Display(Name = "Mật khẩu")]
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Ghi nhớ đăng nhập")]
    public bool RememberMe { get; set; }
}
