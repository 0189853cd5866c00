using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin.Users;

[RequirePermission(nameof(Permissions.ManageUsers))]
public sealed class EditModel(UserManager<PortalUser> userManager, RoleManager<PortalRole> roleManager, UserAccounts accounts, TwoFactorAccounts twoFactor)
    : UserFormPageModel(roleManager)
{
    public bool TwoFactorEnabled { get; private set; }

    public override bool IsNew => false;

    public PortalUser? Account { get; private set; }

    public bool IsLockedOut { get; private set; }

    public bool IsSelf => Account is not null && string.Equals(userManager.GetUserId(User), Account.Id, StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new UserInput
        {
            UserName = Account!.UserName ?? "",
            Email = Account.Email,
            Roles = [.. await userManager.GetRolesAsync(Account)],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.UpdateAsync(Account!, Input.UserName, Input.Email, Input.Roles);
            if (result.Succeeded && !string.IsNullOrEmpty(Input.Password))
            {
                result = await accounts.SetPasswordAsync(Account!, Input.Password, PasswordMustBeChanged);
            }

            if (result.Succeeded)
            {
                TempData.AddSuccess($"Đã lưu người dùng {Account!.UserName}.");
                return RedirectToPage("Index");
            }

            AddErrors(result);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (IsSelf)
        {
            TempData.AddError("Bạn không thể tự khóa tài khoản của mình.");
            return RedirectToPage(new { id });
        }

        return Report(await accounts.LockAsync(Account!), $"Đã khóa tài khoản {Account!.UserName}.");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return Report(await accounts.UnlockAsync(Account!), $"Đã mở khóa tài khoản {Account!.UserName}.");
    }

    /// <summary>A lost phone: two-factor sign-in off, key and recovery codes gone, sessions ended; the owner enrols again.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await twoFactor.TurnOffAsync(Account!, byAdministrator: true);
        TempData.AddSuccess($"Đã đặt lại xác thực hai bước của {Account!.UserName}: người dùng phải thiết lập lại ở lần đăng nhập tới.");
        return RedirectToPage(new { id = Account.Id });
    }

    /// <summary>Back to this user's page with what happened.</summary>
    private RedirectToPageResult Report(UserAccountResult result, string success)
    {
        if (result.Succeeded)
        {
            TempData.AddSuccess(success);
        }
        else
        {
            TempData.AddErrors(result.Errors);
        }

        return RedirectToPage(new { id = Account!.Id });
    }

    // The tenant filter applies: an id of another tenant's user is simply not found.
    private async Task<bool> LoadAsync(string id)
    {
        Account = await userManager.FindByIdAsync(id);
        if (Account is null)
        {
            return false;
        }

        IsLockedOut = await userManager.IsLockedOutAsync(Account);
        TwoFactorEnabled = await userManager.GetTwoFactorEnabledAsync(Account);
        await LoadRolesAsync();
        return true;
    }
}
