using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Pages.Admin.Sessions;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin.Users;

[RequirePermission(nameof(Permissions.ManageUsers))]
public sealed class EditModel(UserManager<PortalUser> userManager, PrivilegeCeiling ceiling, UserAccounts accounts)
    : UserFormPageModel(ceiling)
{
    public override bool IsNew => false;

    public PortalUser? Account { get; private set; }

    public bool IsLockedOut { get; private set; }

    /// <summary>False when the account holds rights the signed-in user lacks: the page only shows it.</summary>
    public bool CanManage { get; private set; }

    /// <summary>The account's live sessions (empty when the signed-in user may not manage it).</summary>
    public SessionList Sessions { get; private set; } = new([], "");

    public bool IsSelf => Account is not null && string.Equals(userManager.GetUserId(User), Account.Id, StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await FillInputAsync();
        return Page();
    }

    private async Task FillInputAsync() => Input = new UserInput
    {
        UserName = Account!.UserName ?? "",
        Email = Account.Email,
        Roles = [.. await userManager.GetRolesAsync(Account)],
    };

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var resetsPassword = !string.IsNullOrEmpty(Input.Password);
            // The ceiling and the actor's own password are checked before anything changes.
            var result = resetsPassword && await Ceiling.CheckPasswordResetAsync(Account!, Input.ActorPassword, HttpContext.RequestAborted) is { } refused
                ? UserAccountResult.Refused(refused)
                : await accounts.UpdateAsync(Account!, Input.UserName, Input.Email, Input.Roles);
            if (result.Succeeded && resetsPassword)
            {
                result = await accounts.SetPasswordAsync(Account!, Input.Password!, Input.ActorPassword);
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

        return await ReportAsync(await accounts.LockAsync(Account!), $"Đã khóa tài khoản {Account!.UserName}.");
    }

    public async Task<IActionResult> OnPostEndSessionAsync(string id, string sessionId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return await ReportAsync(await accounts.EndSessionsAsync(Account!, sessionId), $"Đã kết thúc một phiên đăng nhập của {Account!.UserName}.");
    }

    public async Task<IActionResult> OnPostEndSessionsAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return await ReportAsync(await accounts.EndSessionsAsync(Account!, null), $"Đã kết thúc mọi phiên đăng nhập của {Account!.UserName}.");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return await ReportAsync(await accounts.UnlockAsync(Account!), $"Đã mở khóa tài khoản {Account!.UserName}.");
    }

    /// <summary>Back to this user's page with what happened.</summary>
    private async Task<IActionResult> ReportAsync(UserAccountResult result, string success)
    {
        if (result.Forbidden)
        {
            // Refused by the privilege ceiling (audited): 403, with the reason on the page.
            await FillInputAsync();
            AddErrors(result);
            return Page();
        }

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
        CanManage = await Ceiling.CanManageAsync(Account, HttpContext.RequestAborted);
        AsksActorPassword = await Ceiling.ActorAsync(HttpContext.RequestAborted) is not null && await Ceiling.IsAdministratorAsync(Account, HttpContext.RequestAborted);
        await LoadRolesAsync();
        Sessions = SessionList.From(await accounts.ListSessionsAsync(Account), UserSessions.CurrentSessionId(HttpContext), "Kết thúc mọi phiên", Account.Id);
        return true;
    }
}
