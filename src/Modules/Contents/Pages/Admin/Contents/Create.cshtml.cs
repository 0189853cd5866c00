using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;
using Portal.Modules.Contents.Admin;

namespace Portal.Modules.Contents.Pages.Admin.Contents;

/// <summary>A new item of one type.</summary>
[RequirePermission(nameof(Permissions.EditContent))]
public sealed class CreateModel(ContentAdmin admin) : EditorPageModel(admin)
{
    public async Task<IActionResult> OnGetAsync(string type, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(type, cancellationToken))
        {
            return NotFound();
        }

        ShowValuesOf(await Admin.NewAsync(type, cancellationToken));
        ExpectedVersionId = null;
        await LoadAutosaveAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, string? command, CancellationToken cancellationToken) =>
        await LoadAsync(type, cancellationToken) ? await SaveAsync(command, cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostAutosaveAsync(string type, CancellationToken cancellationToken) =>
        await LoadAsync(type, cancellationToken) ? await AutosaveAsync(cancellationToken) : NotFound();

    private async Task<bool> LoadAsync(string type, CancellationToken cancellationToken)
    {
        if (await Admin.TypeAsync(type, cancellationToken) is not { } definition)
        {
            return false;
        }

        UseType(definition);
        return true;
    }
}
