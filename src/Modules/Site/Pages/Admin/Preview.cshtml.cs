using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Core.Themes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Pages.Admin;

/// <summary>
/// <c>/admin/site/preview/{id}?version=</c>: any version of an item (a draft included) as its public
/// page, in the tenant's theme, for editors. Under <c>/admin</c>: never cached, never public.
/// </summary>
[RequirePermission(nameof(Contents.Permissions.EditContent))]
public sealed class PreviewModel(IContentManager contents, ItemViewBuilder builder, ThemeCatalog themes, ICurrentTenant currentTenant) : PublicPageModel
{
    public ItemView View { get; private set; } = null!;

    public string LayoutPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        var versions = await contents.GetVersionsAsync(id, cancellationToken);
        var shown = version is { } number ? versions.FirstOrDefault(v => v.Number == number) : versions.FirstOrDefault(v => v.Latest) ?? (versions.Count > 0 ? versions[0] : null);
        if (shown is null)
        {
            return NotFound();
        }

        View = await builder.BuildAsync(shown, cancellationToken);
        LayoutPath = themes.For(currentTenant.Tenant).LayoutPath;
        SetMeta(new PageMeta($"Xem trước: {View.Title}", View.Summary, View.Image?.Path, CanonicalPath: "/" + View.Path));
        return Page();
    }
}
