using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Text;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Pages.Admin.Contents;

/// <summary>What the content admin pages share: the status line carried over redirects, and how statuses and times read.</summary>
public abstract class ContentsPageModel : PageModel
{
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

    /// <summary>
    /// The runs of a word diff as one line of markup (&lt;ins&gt;, &lt;del&gt;, text), without the
    /// white space a template would put between them: the list is shown with its line breaks kept.
    /// </summary>
    public static HtmlString DiffHtml(ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var segments = change.Segments.Count > 0 ? change.Segments
            : change.OldText == change.NewText ? [new TextDiffSegment(TextDiffOperation.Equal, "(chỉ thay đổi định dạng)")]
            : [new TextDiffSegment(TextDiffOperation.Deleted, change.OldText ?? ""), new TextDiffSegment(TextDiffOperation.Inserted, change.NewText ?? "")];
        var html = new System.Text.StringBuilder();
        foreach (var segment in segments.Where(s => s.Text.Length > 0))
        {
            var text = VietnameseHtml.Encode(segment.Text);
            html.Append(segment.Operation switch
            {
                TextDiffOperation.Inserted => $"<ins>{text}</ins>",
                TextDiffOperation.Deleted => $"<del>{text}</del>",
                _ => $"<span>{text}</span>",
            });
        }

        return new HtmlString(html.ToString());
    }

    public static string Time(DateTimeOffset? utc) => utc is { } value ? VietnamTime.Format(value) : "";

    /// <summary>"Đã loại bỏ: &lt;script&gt;, thuộc tính onclick", the notice shown after a save.</summary>
    public static string? RemovedNotice(IEnumerable<string> removed)
    {
        var items = removed.Select(r => r.StartsWith('<') ? r : $"thuộc tính {r}").ToList();
        return items.Count == 0 ? null : "Đã loại bỏ: " + string.Join(", ", items);
    }
}
