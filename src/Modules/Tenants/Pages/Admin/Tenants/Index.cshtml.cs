using Microsoft.AspNetCore.Mvc;
using Portal.Core;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Pages.Admin.Tenants;

/// <summary>The list of component sites, with search, filters, paging, and the enable/disable handlers (used by the edit page too).</summary>
[RequirePermission(nameof(Permissions.ManageTenants))]
public sealed class IndexModel(ICurrentTenant currentTenant, TenantQueries queries, TenantProvisioner provisioner)
    : TenantsAdminPageModel(currentTenant)
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public TenantKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public TenantState? State { get; set; }

    // "page" is taken by Razor Pages' own route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<TenantDescriptor> Tenants { get; private set; } = new([], 1, TenantQueries.DefaultPageSize, 0);

    public IReadOnlyDictionary<string, DateTimeOffset> CreatedUtc { get; private set; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>This list's address with its filters, for the state forms to come back to.</summary>
    public string ReturnUrl => $"{Request.PathBase}{Request.Path}{Request.QueryString}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var search = Search?.Trim();
        Tenants = queries.List(search is { Length: > 100 } ? search[..100] : search, Kind, State, PageNumber);
        CreatedUtc = await queries.CreatedUtcAsync([.. Tenants.Items.Select(t => t.Id)], cancellationToken);
    }

    /// <summary>The pager's link to another page of the same filtered list.</summary>
    public string PageUrl(int page) =>
        Url.Page("Index", new { q = Search, kind = Kind, state = State, p = page })!;

    public Task<IActionResult> OnPostDisableAsync(string id, string? returnUrl) => SetStateAsync(id, TenantState.Disabled, returnUrl);

    public Task<IActionResult> OnPostEnableAsync(string id, string? returnUrl) => SetStateAsync(id, TenantState.Running, returnUrl);

    private async Task<IActionResult> SetStateAsync(string id, TenantState state, string? returnUrl)
    {
        if (queries.Find(id) is not { } tenant)
        {
            return NotFound();
        }

        var result = await provisioner.SetStateAsync(id, state);
        if (result.Succeeded)
        {
            TempData[MessageKey] = state == TenantState.Disabled
                ? $"Đã tạm ngừng trang {tenant.DisplayName}."
                : $"Trang {tenant.DisplayName} đã hoạt động lại.";
        }
        else
        {
            TempData[ErrorsKey] = result.Errors.ToArray();
        }

        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage("Index");
    }
}
