using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Portal.Core;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Pages.Admin.Tenants;

/// <summary>The list of component sites, with search, filters, paging, and the enable/disable handlers (used by the edit page too).</summary>
[RequirePermission(nameof(Permissions.ManageTenants))]
public sealed class IndexModel(ICurrentTenant currentTenant, TenantQueries queries, TenantProvisioner provisioner)
    : TenantsAdminPageModel(currentTenant)
{
    [BindProperty(SupportsGet = true, Name = "")]
    public TenantListQuery Query { get; set; } = new();

    public PagedResult<TenantDescriptor> Tenants { get; private set; } = new([], 1, TenantQueries.DefaultPageSize, 0);

    public IReadOnlyDictionary<string, DateTimeOffset> CreatedUtc { get; private set; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>This list's address with its filters, for the state forms to come back to.</summary>
    public string? ReturnUrl => Url.Page("Index", Query.ToRouteValues(Query.Page));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Tenants = queries.List(Query.SearchText, Query.Kind, Query.State, Query.Page);
        CreatedUtc = await queries.CreatedUtcAsync([.. Tenants.Items.Select(t => t.Id)], cancellationToken);
    }

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
            TempData.AddSuccess(state == TenantState.Disabled
                ? $"Đã tạm ngừng trang {tenant.DisplayName}."
                : $"Trang {tenant.DisplayName} đã hoạt động lại.");
        }
        else
        {
            TempData.AddErrors(result.Errors);
        }

        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage("Index");
    }
}

/// <summary>The list's query string: search and page, plus kind and state.</summary>
public sealed class TenantListQuery : ListQuery
{
    [FromQuery(Name = "kind")]
    public TenantKind? Kind { get; set; }

    [FromQuery(Name = "state")]
    public TenantState? State { get; set; }

    protected override void AddFilters(RouteValueDictionary values)
    {
        if (Kind is { } kind)
        {
            values["kind"] = kind;
        }

        if (State is { } state)
        {
            values["state"] = state;
        }
    }
}
