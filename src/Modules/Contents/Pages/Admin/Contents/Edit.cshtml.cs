using Microsoft.AspNetCore.Mvc;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Contents.Admin;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Pages.Admin.Contents;

/// <summary>An item's editor, and its publish, unpublish, remove and restore commands.</summary>
[RequirePermission(nameof(Permissions.EditContent))]
public sealed class EditModel(ContentAdmin admin) : EditorPageModel(admin)
{
    /// <summary>The newest version of a removed item (the page then offers only to restore it).</summary>
    public ContentItem? Removed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ShowValuesOf(Latest ?? Removed!);
        await LoadAutosaveAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? command, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Latest is null)
        {
            return Refused("Nội dung này đã bị xoá; hãy khôi phục trước khi sửa.");
        }

        return await SaveAsync(command, cancellationToken);
    }

    public async Task<IActionResult> OnPostAutosaveAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) && Latest is not null ? await AutosaveAsync(cancellationToken) : NotFound();

    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken) =>
        CommandAsync(id, Permissions.PublishContent, ContentAdminActions.Publish, async () =>
        {
            if (Latest is null)
            {
                return null;
            }

            var published = await Admin.PublishAsync(id, cancellationToken);
            return $"Đã xuất bản \"{published.DisplayText}\".";
        }, cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(string id, CancellationToken cancellationToken) =>
        CommandAsync(id, Permissions.PublishContent, ContentAdminActions.Unpublish, async () =>
            await Admin.UnpublishAsync(id, cancellationToken) ? $"Đã gỡ \"{Title}\" khỏi trang công khai." : null, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken cancellationToken) =>
        CommandAsync(id, Permissions.DeleteContent, ContentAdminActions.Remove, async () =>
            await Admin.RemoveAsync(id, cancellationToken) ? $"Đã xoá \"{Title}\". Có thể khôi phục trong danh sách \"Đã xoá\"." : null, cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(string id, CancellationToken cancellationToken) =>
        CommandAsync(id, Permissions.DeleteContent, ContentAdminActions.Restore, async () =>
            await Admin.RestoreRemovedAsync(id, cancellationToken) is { } restored ? $"Đã khôi phục \"{restored.DisplayText}\" thành bản nháp." : null, cancellationToken);

    private string Title => (Latest ?? Removed)?.DisplayText ?? "";

    /// <summary>Runs a command behind its permission: 403 (audited) without it, else the command and back to the editor.</summary>
    private async Task<IActionResult> CommandAsync(string id, Portal.Core.Security.Permission permission, string action, Func<Task<string?>> run, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ShowValuesOf(Latest ?? Removed!);
        if (!User.HasPermission(permission.Name))
        {
            await Admin.AuditDeniedAsync(action, id, cancellationToken);
            return Refused($"Bạn không có quyền {permission.DisplayName.ToLowerInvariant()}.");
        }

        try
        {
            if (await run() is { } message)
            {
                TempData.AddSuccess(message);
            }
        }
        catch (ContentOperationException e)
        {
            // A publishing handler refused (with its reason), the alias was taken meanwhile...
            FormError = e.UserMessage;
            return Page();
        }

        return RedirectToPage("Edit", new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Latest = await Admin.LatestAsync(id, cancellationToken);
        if (Latest is null)
        {
            var versions = await Admin.VersionsAsync(id, cancellationToken);
            Removed = versions.Count > 0 && !versions.Any(v => v.Published) ? versions[0] : null;
        }

        var item = Latest ?? Removed;
        if (item is null || await Admin.TypeAsync(item.ContentType, cancellationToken) is not { } type)
        {
            return false;
        }

        UseType(type);
        return true;
    }
}
