using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Portal.Core;
using Portal.Core.Admin;
using Portal.Core.Auditing;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.Modules.Audit.Services;

namespace Portal.Modules.Audit.Pages.Admin.Audit;

/// <summary>The site's audit trail: filters (days, user, action, text), paging, and the filtered rows as an .xlsx file.</summary>
[RequirePermission(nameof(Permissions.ViewAuditLog))]
public sealed class IndexModel(AuditQueries queries, IAuditLog auditLog, TimeProvider clock) : PageModel
{
    public const string ExportAction = "audit.export";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty(SupportsGet = true, Name = "")]
    public AuditListQuery Query { get; set; } = new();

    public PagedResult<AuditEntry> Entries { get; private set; } = new([], 1, AuditQueries.PageSize, 0);

    public IReadOnlyList<string> Users { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <summary>The export's address, with the list's filters.</summary>
    public string? ExportUrl => Url.Page("Index", "Export", Query.ToRouteValues(1));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Users, Actions) = await queries.ChoicesAsync(cancellationToken);
        if (TryFilter(out var filter))
        {
            Entries = await queries.ListAsync(filter, Query.Page, cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!TryFilter(out var filter))
        {
            (Users, Actions) = await queries.ChoicesAsync(cancellationToken);
            return Page();
        }

        var workbook = await queries.ExportAsync(filter, cancellationToken);
        // Taking the trail away is itself recorded (viewing it is not).
        await auditLog.WriteAsync(ExportAction, null, Request.QueryString.Value, cancellationToken);
        var today = VietnamTime.From(clock.GetUtcNow()).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return File(workbook, XlsxContentType, $"nhat-ky-{today}.xlsx");
    }

    private bool TryFilter(out AuditFilter filter)
    {
        filter = new AuditFilter(null, null, null, null, null);
        if (!AuditQueries.TryParseDay(Query.From, out var from))
        {
            ModelState.AddModelError(nameof(Query.From), "Từ ngày phải có dạng dd/MM/yyyy, ví dụ 01/12/2026.");
        }

        if (!AuditQueries.TryParseDay(Query.To, out var to))
        {
            ModelState.AddModelError(nameof(Query.To), "Đến ngày phải có dạng dd/MM/yyyy, ví dụ 31/12/2026.");
        }

        if (from is { } f && to is { } t && t < f)
        {
            ModelState.AddModelError(nameof(Query.To), "Đến ngày phải sau hoặc bằng từ ngày.");
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        filter = new AuditFilter(from, to, Blank(Query.User), Blank(Query.Action), Query.SearchText);
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The viewer's query string: text (q) and page (p), plus days, user and action.</summary>
public sealed class AuditListQuery : ListQuery
{
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "user")]
    public string? User { get; set; }

    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    protected override void AddFilters(RouteValueDictionary values)
    {
        Add(values, "from", From);
        Add(values, "to", To);
        Add(values, "user", User);
        Add(values, "action", Action);
    }

    private static void Add(RouteValueDictionary values, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[key] = value.Trim();
        }
    }
}
