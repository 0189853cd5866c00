using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core;
using Portal.Core.Security;
using Portal.Modules.Feedback.Models;
using Portal.Modules.Feedback.Services;

namespace Portal.Modules.Feedback.Pages.Admin.Feedback;

/// <summary>The comments readers left on one page over a month (or a year); an abusive one can be deleted (audited).</summary>
[RequirePermission(nameof(Permissions.ViewFeedback))]
public sealed class CommentsModel(FeedbackService feedback, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public FeedbackListQuery Query { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public FeedbackPeriod Period { get; private set; } = new(2026, 1);

    public FeedbackEntry? PageInfo { get; private set; }

    public PagedResult<FeedbackEntry> Comments { get; private set; } = new([], 1, FeedbackService.PageSize, 0);

    public bool CanManage => User.HasPermission(Permissions.ManageFeedback.Name);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Query.Item is not { Length: > 0 } item || !FeedbackService.TryParsePeriod(Query.Month, Query.Year, clock.GetUtcNow(), out var period))
        {
            return NotFound();
        }

        Period = period;
        PageInfo = await feedback.LatestOfPageAsync(item, cancellationToken);
        if (PageInfo is null)
        {
            return NotFound();
        }

        Comments = await feedback.CommentsAsync(item, period, Query.Page, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (!await feedback.DeleteCommentAsync(id, cancellationToken))
        {
            return NotFound();
        }

        StatusMessage = "Đã xóa góp ý.";
        return RedirectToPage(Query.ToRouteValues(Query.Page));
    }
}
