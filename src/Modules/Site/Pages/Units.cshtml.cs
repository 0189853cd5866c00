using Microsoft.AspNetCore.Mvc;
using Portal.Core.Tenancy;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Pages;

/// <summary><c>/don-vi</c> on the province portal: every component site, by kind, with its address. 404 elsewhere.</summary>
public sealed class UnitsModel(ICurrentTenant currentTenant, UnitDirectory directory) : PublicPageModel
{
    public IReadOnlyList<IGrouping<TenantKind, UnitLink>> Groups { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (currentTenant.Tenant is not { IsDefault: true })
        {
            return NotFound();
        }

        Groups = [.. directory.List(HttpContext).GroupBy(u => u.Kind)];
        SetMeta(new PageMeta("Trang thông tin điện tử thành phần"));
        return Page();
    }
}
