using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Text;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Pages;

/// <summary>
/// <c>/lich-lam-viec?tuan=2026-W49</c>: the leaders' work schedule of a week (TN Đ4.4), this week
/// (Vietnam time) by default, with links to the weeks before and after. A malformed week is 404.
/// </summary>
public sealed class ScheduleModel(IContentManager contents, TimeProvider clock) : PublicPageModel
{
    /// <summary>Published schedules read to find a week's (one a week: ten years and more).</summary>
    public const int Scan = 1000;

    public DateOnly Monday { get; private set; }

    public ContentItem? Schedule { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tuan, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(tuan))
        {
            Monday = WeekParam.MondayOf(DateOnly.FromDateTime(VietnamTime.From(clock.GetUtcNow())));
        }
        else if (WeekParam.Parse(tuan) is { } monday)
        {
            Monday = monday;
        }
        else
        {
            return NotFound();
        }

        var schedules = await contents.QueryPublished("WorkSchedule")
            .OrderByDescending(i => i.Id)
            .Take(Scan)
            .ToListAsync(cancellationToken);
        Schedule = schedules.FirstOrDefault(s => s.Field<DateField>("WeekStart")?.Value is { } start && WeekParam.MondayOf(start) == Monday);
        SetMeta(new PageMeta($"Lịch làm việc {WeekParam.Describe(Monday).ToLowerInvariant()}", CanonicalPath: "/lich-lam-viec?tuan=" + WeekParam.Format(Monday)));
        return Page();
    }
}
