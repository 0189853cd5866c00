using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;
using Portal.Modules.Contents.Admin;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Pages.Admin.Contents;

/// <summary>Two versions of an item side by side as one readable, word-level difference per value.</summary>
[RequirePermission(nameof(Permissions.EditContent))]
public sealed class CompareModel(ContentAdmin admin) : ContentsPageModel
{
    public ContentItem? Older { get; private set; }

    public ContentItem? Newer { get; private set; }

    public IReadOnlyList<ContentChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, int from, int to, CancellationToken cancellationToken)
    {
        var versions = await admin.VersionsAsync(id, cancellationToken);
        var a = versions.FirstOrDefault(v => v.Number == Math.Min(from, to));
        var b = versions.FirstOrDefault(v => v.Number == Math.Max(from, to));
        if (a is null || b is null)
        {
            return NotFound();
        }

        (Older, Newer) = (a, b);
        var type = await admin.TypeAsync(a.ContentType, cancellationToken);
        Changes = admin.Compare(a, b, type);
        return Page();
    }
}
