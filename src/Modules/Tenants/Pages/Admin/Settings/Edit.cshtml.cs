using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Pages.Admin.Settings;

/// <summary>
/// One settings section of the current tenant as a form built from the section's properties;
/// the store validates, saves and audits. Values the editor typed come back on any error.
/// </summary>
[RequirePermission(nameof(Permissions.ManageSettings))]
public sealed class EditModel(TenantSettingsSections sections, TenantSettingsStore store) : PageModel
{
    public TenantSettingsSectionDescriptor Section { get; private set; } = null!;

    public IReadOnlyList<SettingsFormField> Fields { get; private set; } = [];

    /// <summary>The values shown: saved ones on GET, the posted ones after a refusal.</summary>
    public object Values { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string section, CancellationToken cancellationToken)
    {
        if (!Find(section))
        {
            return NotFound();
        }

        Values = await store.GetAsync(Section, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string section, CancellationToken cancellationToken)
    {
        if (!Find(section))
        {
            return NotFound();
        }

        // Start from the saved values, so a member a newer build added keeps its value.
        Values = Section.Deserialize(Section.Serialize(await store.GetAsync(Section, cancellationToken)));
        foreach (var field in Fields)
        {
            if (field.TrySet(Values, Request.Form[field.Name]) is { } error)
            {
                ModelState.AddModelError(field.Name, error);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await store.SaveAsync(Section, Values, CancellationToken.None);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Member, error.Message);
            }

            return Page();
        }

        TempData.AddSuccess($"Đã lưu {Section.DisplayName.ToLowerInvariant()}.");
        return RedirectToPage("Edit", new { section = Section.Name });
    }

    private bool Find(string section)
    {
        if (sections.Find(section) is not { } found)
        {
            return false;
        }

        Section = found;
        Fields = SettingsFormField.Of(found.Type);
        return true;
    }
}
