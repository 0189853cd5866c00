using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Auditing;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PortalUser> signInManager, UserSessions sessions, IAuditLog auditLog) : PageModel
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
            // Ending this session's row revokes the cookie server-side: a copy kept or stolen is refused
            // at its next request. The user's sessions on other devices stay.
            if (UserSessions.CurrentSessionId(HttpContext) is { } sessionId && signInManager.UserManager.GetUserId(User) is { } userId)
            {
                await sessions.EndAsync(userId, sessionId, SessionEndReasons.SignedOut, name, audit: null, HttpContext.RequestAborted);
            }

            await auditLog.WriteAsync(SignedOutAction, name);
        }

        await signInManager.SignOutAsync();
        return RedirectToPage("/Admin/Login");
    }
}
