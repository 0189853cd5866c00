using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Web;
using Portal.Modules.Feedback.Services;

namespace Portal.Modules.Feedback.Pages;

/// <summary>
/// <c>POST /phan-hoi</c>: a reader's answer from the form after a page. No antiforgery token (the
/// public pages carry no cookie, so they can be cached): the post must come from this site
/// (<see cref="FeedbackOrigin"/>), is rate-limited per site and client, and is checked strictly;
/// only an answer about a published page of this site is stored. Answers with a themed page,
/// or JSON to the form's script.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(PortalRateLimits.PublicForm)]
public sealed class SubmitModel(FeedbackService feedback) : PageModel
{
    public const string Thanks = "Cảm ơn bạn đã gửi ý kiến! Ý kiến của bạn giúp chúng tôi cải thiện thông tin trên trang.";
    public const string CrossSite = "Ý kiến chỉ được gửi từ chính trang thông tin này.";

    public string Heading { get; private set; } = "Gửi ý kiến";

    public string Message { get; private set; } = "";

    public bool Stored { get; private set; }

    public string? BackUrl { get; private set; }

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(
        [FromForm(Name = FeedbackInput.RatingField)] string? helpful,
        [FromForm(Name = FeedbackInput.PathField)] string? path,
        [FromForm(Name = FeedbackInput.CommentField)] string? comment)
    {
        // Cookies are not read here and never set: the answer is the same for every reader.
        if (!FeedbackOrigin.IsSameOrigin(Request))
        {
            return Refuse(StatusCodes.Status403Forbidden, CrossSite, null);
        }

        if (!FeedbackInput.TryValidate(helpful, path, comment, out var valid, out var error))
        {
            return Refuse(StatusCodes.Status400BadRequest, error!, FeedbackInput.NormalizePath(path));
        }

        var result = await feedback.SubmitAsync(valid!, HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted);
        if (result == FeedbackSubmission.UnknownPage)
        {
            return Refuse(StatusCodes.Status404NotFound, FeedbackInput.UnknownPage, null);
        }

        if (WantsJson())
        {
            return new JsonResult(new { message = Thanks });
        }

        Heading = "Cảm ơn bạn";
        Message = Thanks;
        Stored = true;
        BackUrl = $"{Request.PathBase}/{valid!.Path}";
        return Page();
    }

    private IActionResult Refuse(int status, string message, string? path)
    {
        Response.StatusCode = status;
        if (WantsJson())
        {
            return new JsonResult(new { error = message }) { StatusCode = status };
        }

        Heading = "Chưa gửi được ý kiến";
        Message = message;
        BackUrl = path is null ? null : $"{Request.PathBase}/{path}";
        return Page();
    }

    private bool WantsJson() =>
        Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
