using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Modules.Tenants.Pages.Admin.Settings;

/// <summary>The settings sections the tenant's modules declare, each with its own form.</summary>
[RequirePermission(nameof(Permissions.ManageSettings))]
public sealed class IndexModel(TenantSettingsSections sections) : PageModel
{
    public IReadOnlyList<TenantSettingsSectionDescriptor> Sections { get; } =
        [.. sections.All.OrderBy(s => s.DisplayName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), ignoreCase: true))];
}
