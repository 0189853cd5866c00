using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Text;

namespace Portal.Modules.Audit.Services;

/// <summary>What the viewer filters on; days are calendar days in Vietnam's time, both ends included.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? User, string? Action, string? Text);

/// <summary>The current tenant's audit trail, filtered, newest first: a page for the viewer, or a workbook.</summary>
public sealed class AuditQueries(PortalDbContext db)
{
    public const int PageSize = 50;

    /// <summary>An export holds at most this many rows (the newest); narrow the filters for older ones.</summary>
    public const int MaxExportRows = 100_000;

    public const string DateFormat = "dd/MM/yyyy";

    public Task<PagedResult<AuditEntry>> ListAsync(AuditFilter filter, int page, CancellationToken cancellationToken = default) =>
        Filtered(filter).ToPagedResultAsync(page, PageSize, cancellationToken);

    /// <summary>The filtered rows as an .xlsx workbook: one sheet, a header row, times in Vietnam's time.</summary>
    public async Task<byte[]> ExportAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await Filtered(filter).Take(MaxExportRows).ToListAsync(cancellationToken).ConfigureAwait(false);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Nhật ký");
        string[] headers = ["Số thứ tự", "Thời gian", "Người dùng", "Mã người dùng", "Địa chỉ máy", "Người dùng hệ điều hành", "Thao tác", "Đối tượng", "Chi tiết", "Mã băm"];
        for (var column = 0; column < headers.Length; column++)
        {
            sheet.Cell(1, column + 1).Value = headers[column];
        }

        sheet.Row(1).Style.Font.Bold = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var e = rows[i];
            var row = i + 2;
            sheet.Cell(row, 1).Value = e.Sequence;
            // Text, not a date cell: the exact Vietnam time as shown in the viewer.
            sheet.Cell(row, 2).Value = Text(VietnamTime.From(e.AtUtc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture));
            sheet.Cell(row, 3).Value = Text(e.Actor);
            sheet.Cell(row, 4).Value = Text(e.UserId);
            sheet.Cell(row, 5).Value = Text(e.ClientAddress);
            sheet.Cell(row, 6).Value = Text(e.OsUser);
            sheet.Cell(row, 7).Value = Text(e.Action);
            sheet.Cell(row, 8).Value = Text(e.Subject);
            sheet.Cell(row, 9).Value = Text(e.Details);
            sheet.Cell(row, 10).Value = Text(e.Hash);
        }

        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static bool TryParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }

    // A value starting with = + - @ would be a formula to a spreadsheet (formula injection): the leading
    // apostrophe makes ClosedXML store it as text with Excel's quote prefix (the apostrophe is not shown).
    private static string Text(string? value) =>
        value is { Length: > 0 } text && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : value ?? "";

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (filter.From is { } from)
        {
            var start = StartOfDay(from);
            query = query.Where(e => e.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            query = query.Where(e => e.AtUtc < end);
        }

        if (filter.User is { Length: > 0 } user)
        {
            query = query.Where(e => e.Actor == user);
        }

        if (filter.Action is { Length: > 0 } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.Text is { Length: > 0 } text)
        {
            // Case-insensitive on both providers (PostgreSQL's LIKE is not): lower(column) against the lowered text.
            var pattern = "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(e =>
                EF.Functions.Like(e.Action.ToLower(), pattern, "\\") ||
                EF.Functions.Like(e.Actor.ToLower(), pattern, "\\") ||
                (e.Subject != null && EF.Functions.Like(e.Subject.ToLower(), pattern, "\\")) ||
                (e.Details != null && EF.Functions.Like(e.Details.ToLower(), pattern, "\\")) ||
                (e.ClientAddress != null && EF.Functions.Like(e.ClientAddress, pattern, "\\")));
        }

        return query.OrderByDescending(e => e.Sequence).ThenByDescending(e => e.Id);
    }

    /// <summary>The users and actions the trail holds, for the filters' lists.</summary>
    public async Task<(List<string> Users, List<string> Actions)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var users = await db.Set<AuditEntry>().Select(e => e.Actor).Distinct().OrderBy(a => a).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        var actions = await db.Set<AuditEntry>().Select(e => e.Action).Distinct().OrderBy(a => a).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (users, actions);
    }

    // Midnight in Vietnam (UTC+7, no daylight saving) of that day, as a UTC instant.
    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, VietnamTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
