using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin;

[AllowAnonymous]
[AllowDuringAccountSetup]
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
