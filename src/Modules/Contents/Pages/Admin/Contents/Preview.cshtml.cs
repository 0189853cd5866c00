using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;
using Portal.Modules.Contents.Admin;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Pages.Admin.Contents;

/// <summary>
/// The draft (or any version) as a reader would see it, in a generic display; the public sites
/// will show it in the tenant's theme.
/// </summary>
[RequirePermission(nameof(Permissions.EditContent))]
public sealed class PreviewModel(ContentAdmin admin) : ContentsPageModel
{
    public ContentItem? Version { get; private set; }

    public IReadOnlyList<EditorField> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        var versions = await admin.VersionsAsync(id, cancellationToken);
        Version = version is { } number ? versions.FirstOrDefault(v => v.Number == number) : versions.Count > 0 ? versions[0] : null;
        if (Version is null || await admin.TypeAsync(Version.ContentType, cancellationToken) is not { } type)
        {
            return NotFound();
        }

        Fields = admin.FieldsOf(type);
        return Page();
    }
}
