using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Feedback.Models;

namespace Portal.Modules.Feedback.Services;

/// <summary>A month of a year (<see cref="Month"/> 1-12), or the whole year (<see cref="Month"/> null).</summary>
public sealed record FeedbackPeriod(int Year, int? Month)
{
    public DateOnly From => new(Year, Month ?? 1, 1);

    public DateOnly Until => Month is null ? From.AddYears(1) : From.AddMonths(1);

    public string Label => Month is { } month ? $"tháng {month:00}/{Year}" : $"năm {Year}";
}

/// <summary>One page's results over a period.</summary>
public sealed record FeedbackPageResult(string ContentItemId, string Title, string Path, int Helpful, int NotHelpful, int Comments)
{
    public int Total => Helpful + NotHelpful;

    /// <summary>Share of "useful" answers, rounded to a whole percent.</summary>
    public int PercentHelpful => Total == 0 ? 0 : (int)Math.Round(100.0 * Helpful / Total, MidpointRounding.AwayFromZero);
}

/// <summary>What a submission came to.</summary>
public enum FeedbackSubmission
{
    Stored,
    UnknownPage,
}

/// <summary>The current tenant's feedback: storing a reader's answer, the editors' results, comments and export.</summary>
public sealed class FeedbackService(PortalDbContext db, IContentRouteLookup routes, ICurrentTenant currentTenant, TimeProvider clock, IAuditLog auditLog)
{
    public const int PageSize = 50;
    public const string DeleteCommentAction = "feedback.comment.delete";
    public const string ExportAction = "feedback.export";

    /// <summary>Stores the answer when its path is a published page of this tenant; else nothing is stored.</summary>
    public async Task<FeedbackSubmission> SubmitAsync(ValidFeedback feedback, IPAddress? client, CancellationToken cancellationToken = default)
    {
        var item = await routes.FindPublishedByPathAsync(feedback.Path, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return FeedbackSubmission.UnknownPage;
        }

        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(VietnamTime.From(now));
        var title = item.DisplayText.Length > FeedbackEntry.TitleMaxLength ? item.DisplayText[..FeedbackEntry.TitleMaxLength] : item.DisplayText;
        db.Set<FeedbackEntry>().Add(new FeedbackEntry
        {
            Path = feedback.Path,
            ContentItemId = item.ContentItemId,
            Title = title,
            Helpful = feedback.Helpful,
            Comment = feedback.Comment,
            Day = day,
            CreatedUtc = now,
            ClientHash = ClientHash(currentTenant.Tenant?.Id ?? "", day, client),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return FeedbackSubmission.Stored;
    }

    /// <summary>
    /// A pseudonym of the client's address: HMAC-SHA256 under a key of the tenant and the day, so
    /// answers of one client can be told apart on a day without keeping the address, and the
    /// same client is not followed from one day (or site) to the next.
    /// </summary>
    public static string ClientHash(string tenantId, DateOnly day, IPAddress? client)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes($"portal-feedback|{tenantId}|{day:yyyy-MM-dd}"));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(client?.ToString() ?? "-"));
        return Convert.ToHexStringLower(mac)[..FeedbackEntry.ClientHashLength];
    }

    /// <summary>Results per page over the period, most answered first.</summary>
    public async Task<PagedResult<FeedbackPageResult>> ResultsAsync(FeedbackPeriod period, int page, CancellationToken cancellationToken = default) =>
        (await Results(period).ToPagedResultAsync(page, PageSize, cancellationToken).ConfigureAwait(false)).Map(r => r.ToResult());

    /// <summary>All the period's answers together: useful, not useful, comments.</summary>
    public async Task<FeedbackPageResult> TotalsAsync(FeedbackPeriod period, CancellationToken cancellationToken = default)
    {
        var rows = await InPeriod(period)
            .GroupBy(e => e.Helpful)
            .Select(g => new { Helpful = g.Key, Count = g.Count(), Comments = g.Count(e => e.Comment != null) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new FeedbackPageResult("", "", "",
            rows.Where(r => r.Helpful).Sum(r => r.Count),
            rows.Where(r => !r.Helpful).Sum(r => r.Count),
            rows.Sum(r => r.Comments));
    }

    /// <summary>The comments on one page over the period, newest first.</summary>
    public Task<PagedResult<FeedbackEntry>> CommentsAsync(string contentItemId, FeedbackPeriod period, int page, CancellationToken cancellationToken = default) =>
        InPeriod(period)
            .Where(e => e.ContentItemId == contentItemId && e.Comment != null)
            .OrderByDescending(e => e.CreatedUtc).ThenByDescending(e => e.Id)
            .ToPagedResultAsync(page, PageSize, cancellationToken);

    /// <summary>The page's latest title and path as the answers recorded them, or null when it has none.</summary>
    public Task<FeedbackEntry?> LatestOfPageAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.Set<FeedbackEntry>().AsNoTracking()
            .Where(e => e.ContentItemId == contentItemId)
            .OrderByDescending(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Removes an abusive comment (the rating stays), audited with the removed text. False when there is none.</summary>
    public async Task<bool> DeleteCommentAsync(long id, CancellationToken cancellationToken = default)
    {
        var entry = await db.Set<FeedbackEntry>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken).ConfigureAwait(false);
        if (entry?.Comment is not { } comment)
        {
            return false;
        }

        entry.Comment = null;
        auditLog.Add(DeleteCommentAction, $"/{entry.Path}", $"#{entry.Id} {VietnamTime.Format(entry.CreatedUtc)}: {comment}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The period's results per page and its comments, as an .xlsx workbook of two sheets.</summary>
    public async Task<byte[]> ExportAsync(FeedbackPeriod period, CancellationToken cancellationToken = default)
    {
        var results = (await Results(period).Take(10_000).ToListAsync(cancellationToken).ConfigureAwait(false)).ConvertAll(r => r.ToResult());
        var comments = await InPeriod(period).Where(e => e.Comment != null)
            .OrderByDescending(e => e.CreatedUtc).ThenByDescending(e => e.Id)
            .Take(100_000)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Kết quả theo trang");
        Header(sheet, ["Tiêu đề", "Đường dẫn", "Hữu ích", "Không hữu ích", "Tỷ lệ hữu ích (%)", "Số góp ý"]);
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var row = i + 2;
            sheet.Cell(row, 1).Value = Text(r.Title);
            sheet.Cell(row, 2).Value = Text("/" + r.Path);
            sheet.Cell(row, 3).Value = r.Helpful;
            sheet.Cell(row, 4).Value = r.NotHelpful;
            sheet.Cell(row, 5).Value = r.PercentHelpful;
            sheet.Cell(row, 6).Value = r.Comments;
        }

        sheet.SheetView.FreezeRows(1);
        var sheet2 = workbook.Worksheets.Add("Góp ý");
        Header(sheet2, ["Thời gian", "Tiêu đề", "Đường dẫn", "Hữu ích", "Góp ý"]);
        for (var i = 0; i < comments.Count; i++)
        {
            var e = comments[i];
            var row = i + 2;
            sheet2.Cell(row, 1).Value = Text(VietnamTime.Format(e.CreatedUtc));
            sheet2.Cell(row, 2).Value = Text(e.Title);
            sheet2.Cell(row, 3).Value = Text("/" + e.Path);
            sheet2.Cell(row, 4).Value = e.Helpful ? "Có" : "Không";
            sheet2.Cell(row, 5).Value = Text(e.Comment);
        }

        sheet2.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public Task WriteExportAuditAsync(FeedbackPeriod period, CancellationToken cancellationToken = default) =>
        auditLog.WriteAsync(ExportAction, null, period.Label, cancellationToken);

    /// <summary>Parses the admin's month and year: empty means the current month in Vietnam; month 0 means the whole year.</summary>
    public static bool TryParsePeriod(string? month, string? year, DateTimeOffset now, out FeedbackPeriod period)
    {
        var today = VietnamTime.From(now);
        period = new FeedbackPeriod(today.Year, today.Month);
        int? m = today.Month;
        var y = today.Year;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > 12)
            {
                return false;
            }

            m = parsed == 0 ? null : parsed;
        }

        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y < 2000 || y > 9998)
            {
                return false;
            }
        }

        period = new FeedbackPeriod(y, m);
        return true;
    }

    private static void Header(IXLWorksheet sheet, string[] headers)
    {
        for (var column = 0; column < headers.Length; column++)
        {
            sheet.Cell(1, column + 1).Value = headers[column];
        }

        sheet.Row(1).Style.Font.Bold = true;
    }

    // A value starting with = + - @ would be a formula to a spreadsheet: the apostrophe keeps it text.
    private static string Text(string? value) =>
        value is { Length: > 0 } text && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : value ?? "";

    private IQueryable<FeedbackEntry> InPeriod(FeedbackPeriod period)
    {
        var from = period.From;
        var until = period.Until;
        return db.Set<FeedbackEntry>().AsNoTracking().Where(e => e.Day >= from && e.Day < until);
    }

    private IQueryable<ResultRow> Results(FeedbackPeriod period) =>
        InPeriod(period)
            .GroupBy(e => e.ContentItemId)
            .Select(g => new ResultRow
            {
                ContentItemId = g.Key,
                Title = g.Max(e => e.Title),
                Path = g.Max(e => e.Path),
                Helpful = g.Count(e => e.Helpful),
                NotHelpful = g.Count(e => !e.Helpful),
                Comments = g.Count(e => e.Comment != null),
                Total = g.Count(),
            })
            .OrderByDescending(r => r.Total).ThenBy(r => r.ContentItemId);

    // A row of the grouped query (a class with setters: EF composes paging over it).
    private sealed class ResultRow
    {
        public string ContentItemId { get; init; } = "";

        public string? Title { get; init; }

        public string? Path { get; init; }

        public int Helpful { get; init; }

        public int NotHelpful { get; init; }

        public int Comments { get; init; }

        public int Total { get; init; }

        public FeedbackPageResult ToResult() => new(ContentItemId, Title ?? "", Path ?? "", Helpful, NotHelpful, Comments);
    }
}
