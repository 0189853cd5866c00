using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Modules.Users.Services;
using Portal.Core.Auditing;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Pages.Admin;

[AllowAnonymous]
[AllowDuringAccountSetup]
public sealed class LogoutModel(SignInManager<PortalUser> signInManager, IAuditLog auditLog) : PageModel
{
    public const string SignedOutAction = "users.signed-out";

    public void OnGet()
    {
    }

    // Only a POST with the anti-forgery token signs out, so a link on another site cannot.
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            // A new security stamp revokes the cookie server-side: a copy kept or stolen is refused
            // at its next request (and so are the user's other sessions; there is no per-session list yet).
            if (await signInManager.UserManager.GetUserAsync(User) is { } user)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
            }

            await auditLog.WriteAsync(SignedOutAction, name);
        }

        await signInManager.SignOutAsync();
        return RedirectToPage("/Admin/Login");
    }
}
