using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;
using QRCoder;

namespace Portal.Modules.Users.Pages.Admin.Account;

/// <summary>
/// Two-factor sign-in of the signed-in account: enrolment (QR code of the <c>otpauth</c> address,
/// made here, never by an outside service; the key in groups of four to type in), the code that
/// proves the app works, the ten recovery codes shown once, new codes, and turning it off where the
/// tenant does not require it. An administrator who must enrol is kept here until they have.
/// </summary>
[AllowDuringAccountSetup]
public sealed class TwoFactorModel(UserManager<PortalUser> userManager, SignInManager<PortalUser> signInManager, TwoFactorAccounts twoFactor, AccountSettings settings) : PageModel
{
    [BindProperty]
    [Display(Name = "Mã xác thực")]
    [StringLength(16, ErrorMessage = "Mã xác thực gồm 6 chữ số.")]
    public string? Code { get; set; }

    [BindProperty]
    [Display(Name = "Mật khẩu hiện tại")]
    [StringLength(LoginModel.MaxPasswordLength, ErrorMessage = "Mật khẩu không được dài quá {1} ký tự.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>True when the tenant requires a second factor of this account (it cannot turn it off).</summary>
    public bool Required { get; private set; }

    /// <summary>True while the account may do nothing else.</summary>
    public bool MustEnrol => User.HasClaim(c => c.Type == AccountSetup.MustEnrolTwoFactorClaim);

    public string? KeyInGroups { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Recovery codes to show once, on the response that made them.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    /// <summary>The QR code of the pending key, as a PNG, while the account is not enrolled.</summary>
    public async Task<IActionResult> OnGetQrCodeAsync()
    {
        if (await LoadAsync() is null || Enabled || AuthenticatorUri is null)
        {
            return NotFound();
        }

        return File(PngByteQRCodeHelper.GetQRCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.M, 6), "image/png");
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (Enabled)
        {
            return RedirectToPage();
        }

        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Vui lòng nhập mã 6 chữ số đang hiện trên ứng dụng xác thực.");
            return Page();
        }

        var codes = await twoFactor.EnableAsync(user, Code);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Code), "Mã xác thực không đúng hoặc đã hết hạn. Hãy kiểm tra giờ của điện thoại và nhập mã mới.");
            return Page();
        }

        // Enabling changed the security stamp; this session goes on without the enrolment claim.
        await signInManager.RefreshSignInAsync(user);
        await LoadAsync();
        NewRecoveryCodes = codes;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!Enabled)
        {
            return RedirectToPage();
        }

        NewRecoveryCodes = await twoFactor.NewRecoveryCodesAsync(user);
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (Required)
        {
            TempData.AddError("Trang này bắt buộc tài khoản quản trị dùng xác thực hai bước, nên không thể tắt.");
            return RedirectToPage();
        }

        if (!Enabled)
        {
            return RedirectToPage();
        }

        if (string.IsNullOrEmpty(Password) || !await userManager.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), "Mật khẩu hiện tại không đúng.");
            return Page();
        }

        await twoFactor.TurnOffAsync(user, byAdministrator: false);
        await signInManager.RefreshSignInAsync(user);
        TempData.AddSuccess("Đã tắt xác thực hai bước.");
        return RedirectToPage();
    }

    private async Task<PortalUser?> LoadAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Enabled = await userManager.GetTwoFactorEnabledAsync(user);
        Required = AccountSetup.RequiresTwoFactor(User, await settings.TwoFactorAsync(HttpContext.RequestAborted));
        if (Enabled)
        {
            RecoveryCodesLeft = await twoFactor.RecoveryCodesLeftAsync(user);
            KeyInGroups = null;
            AuthenticatorUri = null;
        }
        else
        {
            var key = await twoFactor.PendingKeyAsync(user);
            KeyInGroups = string.Join(' ', key.Chunk(4).Select(c => new string(c)));
            AuthenticatorUri = twoFactor.AuthenticatorUri(user, key);
        }

        return user;
    }
}
