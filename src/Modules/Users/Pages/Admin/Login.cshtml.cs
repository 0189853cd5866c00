using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Auditing;
using Portal.Core.Tenancy;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin;

/// <summary>
/// The admin sign-in. Its POST needs no anti-forgery cookie (a browser cannot hold one before its
/// first visit over a proxy it does not see, and a sign-in form has no session to ride on); a
/// cross-site POST is refused by <see cref="SameOriginPost"/> instead.
/// </summary>
[AllowAnonymous]
[AllowDuringAccountSetup]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RateLimitPolicy)]
public sealed class LoginModel(SignInManager<PortalUser> signInManager, SignInBackoff backoff, ICurrentTenant currentTenant, IAuditLog auditLog, TimeProvider clock) : PageModel
{
    /// <summary>The rate-limit policy of sign-in attempts (defined by <see cref="UsersModule"/>).</summary>
    public const string RateLimitPolicy = "login";

    public const string SignedInAction = "users.signed-in";
    public const string SignInFailedAction = "users.sign-in-failed";
    public const string LockedOutAction = "users.locked-out";
    public const string ThrottledAction = "users.sign-in-throttled";

    public const int MaxUserNameLength = 256;
    public const int MaxPasswordLength = 512;

    /// <summary>
    /// The one answer to every refused sign-in (wrong password, unknown name, locked account,
    /// back-off), so the page never tells whether an account exists or is locked.
    /// </summary>
    public const string SignInRefused = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa. Nếu đã nhập sai nhiều lần, vui lòng thử lại sau ít phút hoặc liên hệ quản trị viên.";
    public const string CrossSiteRefused = "Yêu cầu đăng nhập không đến từ trang này nên đã bị từ chối. Vui lòng mở lại trang đăng nhập và thử lại.";

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
        if (!SameOriginPost.IsSameOrigin(Request))
        {
            ErrorMessage = CrossSiteRefused;
            return ClearedPage(StatusCodes.Status400BadRequest);
        }

        if (!ModelState.IsValid)
        {
            // Nothing of a refused field is echoed back or written anywhere.
            return ClearedPage(StatusCodes.Status200OK);
        }

        var userName = Input.UserName.Trim();
        var tenantId = currentTenant.Tenant!.Id;
        if (backoff.IsWaiting(tenantId, userName))
        {
            ErrorMessage = SignInRefused;
            await auditLog.WriteAsync(ThrottledAction, userName);
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(userName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            backoff.Succeeded(tenantId, userName);
            if (await signInManager.UserManager.FindByNameAsync(userName) is { } user)
            {
                user.LastSignInUtc = clock.GetUtcNow();
                await signInManager.UserManager.UpdateAsync(user);
            }

            await auditLog.WriteAsync(SignedInAction, userName);
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Admin/Index");
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right: the account's second factor comes next (a short-lived cookie names it).
            backoff.Succeeded(tenantId, userName);
            return RedirectToPage("/Admin/LoginTwoFactor", new { ReturnUrl });
        }

        backoff.Failed(tenantId, userName);
        ErrorMessage = SignInRefused;
        await auditLog.WriteAsync(result.IsLockedOut ? LockedOutAction : SignInFailedAction, userName);
        return Page();
    }

    private PageResult ClearedPage(int statusCode)
    {
        foreach (var key in new[] { "Input.UserName", "Input.Password" })
        {
            if (ModelState.TryGetValue(key, out var entry))
            {
                entry.RawValue = null;
                entry.AttemptedValue = null;
            }
        }

        Input = new LoginInput();
        Response.StatusCode = statusCode;
        return Page();
    }
}

public sealed class LoginInput
{
    [Display(Name = "Tên đăng nhập")]
    [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
    [StringLength(LoginModel.MaxUserNameLength, ErrorMessage = "Tên đăng nhập không được dài quá {1} ký tự.")]
    public string UserName { get; set; } = "";

    [Display(Name = "Mật khẩu")]
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
    [StringLength(LoginModel.MaxPasswordLength, ErrorMessage = "Mật khẩu không được dài quá {1} ký tự.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
