using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Core.Web;

namespace Portal.Web.Pages;

/// <summary>
/// The Vietnamese page of every error status (<see cref="StatusPages"/>): re-executed for a
/// status set without a body or an exception, in the tenant's layout or, under /admin, the admin's.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    [FromRoute(Name = "statusCode")]
    public int? RequestedStatus { get; set; }

    public StatusPageText Text { get; private set; } = StatusPageText.For(404);

    public bool IsAdmin => AdminRoutes.IsAdminRequest(HttpContext);

    /// <summary>Quoted by a user to an operator, who finds it in the logs.</summary>
    public string RequestId => Activity.Current?.Id ?? HttpContext.TraceIdentifier;

    // Runs for any method: a failed POST is re-executed as a POST.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        Text = StatusPageText.For(StatusPages.StatusCodeOf(HttpContext, RequestedStatus));
        Response.StatusCode = Text.StatusCode;
    }
}
