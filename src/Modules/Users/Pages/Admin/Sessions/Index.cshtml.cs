using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin.Sessions;

/// <summary>The signed-in user's own live sessions ("Phiên đăng nhập"); each can be ended. Every admin user may open it.</summary>
public sealed class IndexModel(SignInManager<PortalUser> signInManager, UserSessions sessions) : PageModel
{
    public SessionList Sessions { get; private set; } = new([], "");

    public async Task OnGetAsync()
    {
        var rows = await sessions.ListActiveAsync(UserId, HttpContext.RequestAborted);
        Sessions = SessionList.From(rows, UserSessions.CurrentSessionId(HttpContext), "Kết thúc mọi phiên khác");
    }

    public async Task<IActionResult> OnPostEndSessionAsync(string sessionId)
    {
        var ended = await sessions.EndAsync(UserId, sessionId, SessionEndReasons.Ended, User.Identity!.Name!, audit: User.Identity.Name, HttpContext.RequestAborted);
        if (string.Equals(sessionId, UserSessions.CurrentSessionId(HttpContext), StringComparison.Ordinal))
        {
            await signInManager.SignOutAsync();
            return RedirectToPage("/Admin/Login");
        }

        if (ended > 0)
        {
            TempData.AddSuccess("Đã kết thúc phiên đăng nhập.");
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndSessionsAsync()
    {
        // Every session but this one: the user stays signed in here.
        var current = UserSessions.CurrentSessionId(HttpContext);
        var ended = 0;
        foreach (var session in await sessions.ListActiveAsync(UserId, HttpContext.RequestAborted))
        {
            if (!string.Equals(session.Id, current, StringComparison.Ordinal))
            {
                ended += await sessions.EndAsync(UserId, session.Id, SessionEndReasons.Ended, User.Identity!.Name!, audit: User.Identity.Name, HttpContext.RequestAborted);
            }
        }

        TempData.AddSuccess($"Đã kết thúc {ended} phiên đăng nhập khác.");
        return RedirectToPage();
    }

    private string UserId => signInManager.UserManager.GetUserId(User)!;
}
