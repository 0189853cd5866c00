using Microsoft.AspNetCore.Mvc;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Contents.Admin;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Pages.Admin.Contents;

/// <summary>An item's versions (who, when, what changed), the choice of two to compare, and restoring one as a new draft.</summary>
[RequirePermission(nameof(Permissions.EditContent))]
public sealed class VersionsModel(ContentAdmin admin) : ContentsPageModel
{
    /// <summary>Newest first.</summary>
    public IReadOnlyList<ContentItem> Versions { get; private set; } = [];

    /// <summary>What each version changed from the one before it, by version number.</summary>
    public IReadOnlyDictionary<int, string> Changes { get; private set; } = new Dictionary<int, string>();

    public ContentTypeDefinition? Type { get; private set; }

    /// <summary>Why a restore was refused (the item was removed, the old body no longer fits the type...).</summary>
    public string? Error { get; private set; }

    public string Title => Versions.Count > 0 ? Versions[0].DisplayText : "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(string id, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Versions.FirstOrDefault(v => v.Number == number) is not { } version)
        {
            return NotFound();
        }

        try
        {
            var restored = await admin.RestoreVersionAsync(id, version.ContentItemVersionId, cancellationToken);
            TempData.AddSuccess($"Đã khôi phục phiên bản {number} thành bản nháp mới (phiên bản {restored.Number}).");
            return RedirectToPage("Edit", new { id });
        }
        catch (ContentOperationException e)
        {
            Error = e.UserMessage;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Versions = await admin.VersionsAsync(id, cancellationToken);
        if (Versions.Count == 0)
        {
            return false;
        }

        Type = await admin.TypeAsync(Versions[0].ContentType, cancellationToken);
        var changes = new Dictionary<int, string>();
        for (var i = 0; i < Versions.Count; i++)
        {
            var older = i + 1 < Versions.Count ? Versions[i + 1] : null;
            changes[Versions[i].Number] = older is null
                ? "Tạo mới"
                : string.Join(", ", admin.Compare(older, Versions[i], Type).Select(c => c.Label).Distinct()) is { Length: > 0 } labels ? "Sửa: " + labels : "Không đổi nội dung";
        }

        Changes = changes;
        return true;
    }
}
