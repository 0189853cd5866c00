using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Portal.Core;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.Modules.Feedback.Services;

namespace Portal.Modules.Feedback.Pages.Admin.Feedback;

/// <summary>The readers' answers per page over a month (or a year), paged, and as an .xlsx file.</summary>
[RequirePermission(nameof(Permissions.ViewFeedback))]
public sealed class IndexModel(FeedbackService feedback, TimeProvider clock) : PageModel
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty(SupportsGet = true, Name = "")]
    public FeedbackListQuery Query { get; set; } = new();

    public FeedbackPeriod Period { get; private set; } = new(2026, 1);

    public PagedResult<FeedbackPageResult> Results { get; private set; } = new([], 1, FeedbackService.PageSize, 0);

    public FeedbackPageResult Totals { get; private set; } = new("", "", "", 0, 0, 0);

    public string? ExportUrl => Url.Page("Index", "Export", Query.ToRouteValues(1));

    public int CurrentYear => VietnamTime.From(clock.GetUtcNow()).Year;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (TryPeriod())
        {
            Results = await feedback.ResultsAsync(Period, Query.Page, cancellationToken);
            Totals = await feedback.TotalsAsync(Period, cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!TryPeriod())
        {
            return Page();
        }

        var workbook = await feedback.ExportAsync(Period, cancellationToken);
        await feedback.WriteExportAuditAsync(Period, cancellationToken);
        var name = Period.Month is { } month ? $"y-kien-ban-doc-{Period.Year}-{month:00}.xlsx" : $"y-kien-ban-doc-{Period.Year}.xlsx";
        return File(workbook, XlsxContentType, name);
    }

    private bool TryPeriod()
    {
        if (FeedbackService.TryParsePeriod(Query.Month, Query.Year, clock.GetUtcNow(), out var period))
        {
            Period = period;
            return true;
        }

        Period = period;
        ModelState.AddModelError(nameof(Query.Month), "Tháng phải từ 1 đến 12 và năm phải từ 2000 trở đi.");
        return false;
    }
}

/// <summary>The results' query string: month (0 for the whole year), year and page (p).</summary>
public sealed class FeedbackListQuery : ListQuery
{
    [FromQuery(Name = "thang")]
    public string? Month { get; set; }

    [FromQuery(Name = "nam")]
    public string? Year { get; set; }

    [FromQuery(Name = "item")]
    public string? Item { get; set; }

    protected override void AddFilters(RouteValueDictionary values)
    {
        if (!string.IsNullOrWhiteSpace(Month))
        {
            values["thang"] = Month.Trim();
        }

        if (!string.IsNullOrWhiteSpace(Year))
        {
            values["nam"] = Year.Trim();
        }

        if (!string.IsNullOrWhiteSpace(Item))
        {
            values["item"] = Item.Trim();
        }
    }
}
