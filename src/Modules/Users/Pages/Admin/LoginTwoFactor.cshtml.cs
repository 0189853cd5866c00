using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Auditing;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin;

/// <summary>
/// The second step of a sign-in for an account with two-factor authentication: the code of its
/// authenticator app, or one of its recovery codes. The password step left a short-lived, tenant-bound
/// cookie naming the account; a wrong code counts towards the account's lockout and is audited, a code
/// already used or too old is refused, and so is a recovery code used before.
/// </summary>
[AllowAnonymous]
[AllowDuringAccountSetup]
[EnableRateLimiting(LoginModel.RateLimitPolicy)]
public sealed class LoginTwoFactorModel(SignInManager<PortalUser> signInManager, IAuditLog auditLog, TimeProvider clock) : PageModel
{
    public const string CodeRefused = "Mã xác thực không đúng, đã dùng hoặc đã hết hạn. Vui lòng nhập mã mới trên ứng dụng xác thực.";
    public const string RecoveryCodeRefused = "Mã khôi phục không đúng hoặc đã được dùng.";

    [BindProperty]
    [Display(Name = "Mã xác thực")]
    [StringLength(16, ErrorMessage = "Mã xác thực gồm 6 chữ số.")]
    public string? Code { get; set; }

    [BindProperty]
    [Display(Name = "Mã khôi phục")]
    [StringLength(32, ErrorMessage = "Mã khôi phục dài tối đa {1} ký tự.")]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Admin/Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            // The password step expired (5 minutes) or never happened.
            return RedirectToPage("/Admin/Login", new { ReturnUrl });
        }

        if (!ModelState.IsValid || (string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(RecoveryCode)))
        {
            ErrorMessage = "Vui lòng nhập mã 6 chữ số của ứng dụng xác thực, hoặc một mã khôi phục.";
            return Page();
        }

        var useRecovery = string.IsNullOrWhiteSpace(Code);
        var result = useRecovery
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync(RecoveryCode!.Trim())
            : await signInManager.TwoFactorAuthenticatorSignInAsync(Code!.Trim(), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            user.LastSignInUtc = clock.GetUtcNow();
            await signInManager.UserManager.UpdateAsync(user);
            if (useRecovery)
            {
                await auditLog.WriteAsync(TwoFactorAccounts.RecoveryCodeUsedAction, user.UserName);
            }

            await auditLog.WriteAsync(LoginModel.SignedInAction, user.UserName, "xác thực hai bước");
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Admin/Index");
        }

        await auditLog.WriteAsync(result.IsLockedOut ? LoginModel.LockedOutAction : TwoFactorAccounts.SignInFailedAction, user.UserName,
            useRecovery ? "mã khôi phục" : "mã xác thực");
        ErrorMessage = result.IsLockedOut ? LoginModel.SignInRefused : useRecovery ? RecoveryCodeRefused : CodeRefused;
        Response.StatusCode = StatusCodes.Status200OK;
        return Page();
    }
}
