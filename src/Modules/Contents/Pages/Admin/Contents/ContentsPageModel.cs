using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Text;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Pages.Admin.Contents;

/// <summary>What the content admin pages share: the status line carried over redirects, and how statuses and times read.</summary>
public abstract class ContentsPageModel : PageModel
{
    /// <summary>TempData key of the layout's success line.</summary>
    public const string MessageKey = "Message";

    /// <summary>TempData key of the notice listing what the sanitiser removed from rich text.</summary>
    public const string RemovedKey = "ContentRemovedMarkup";

    public static string StatusText(ContentListIndex row) => row.Status switch
    {
        ContentStatus.Removed => "Đã xoá",
        ContentStatus.Published when row.HasDraft => "Đã xuất bản, có bản nháp mới",
        ContentStatus.Published => "Đã xuất bản",
        _ => "Bản nháp",
    };

    public static string StatusBadge(ContentStatus status) => status switch
    {
        ContentStatus.Published => "badge badge-ok",
        ContentStatus.Removed => "badge badge-off",
        _ => "badge",
    };

    public static string VersionStatus(ContentItem version) =>
        version.Published ? "Đang xuất bản" : version.Latest ? "Bản mới nhất" : "";

    public static string Time(DateTimeOffset? utc) => utc is { } value ? VietnamTime.Format(value) : "";

    /// <summary>"Đã loại bỏ: &lt;script&gt;, thuộc tính onclick", the notice shown after a save.</summary>
    public static string? RemovedNotice(IEnumerable<string> removed)
    {
        var items = removed.Select(r => r.StartsWith('<') ? r : $"thuộc tính {r}").ToList();
        return items.Count == 0 ? null : "Đã loại bỏ: " + string.Join(", ", items);
    }
}
