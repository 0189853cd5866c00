using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Models;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Pages.Admin.Tenants;

/// <summary>A tenant's settings, with its host names and URL prefix editable; enable/disable post to the list's handlers.</summary>
[RequirePermission(nameof(Permissions.ManageTenants))]
public sealed class EditModel(ICurrentTenant currentTenant, TenantQueries queries, TenantProvisioner provisioner)
    : TenantsAdminPageModel(currentTenant)
{
    public TenantRecord Record { get; private set; } = null!;

    public TenantDescriptor Tenant { get; private set; } = null!;

    public TenantDescriptor? Parent { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new InputModel
        {
            HostNames = string.Join('\n', Record.HostNames),
            UrlPrefix = Record.UrlPrefix,
            AdminNetworks = string.Join('\n', Record.AdminNetworks),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var hosts = (Input.HostNames ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // Not cancelled with the request: a saved change must also reach the registry.
        var result = await provisioner.UpdateHostsAsync(id, hosts, Input.UrlPrefix, CancellationToken.None);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Page();
        }

        TempData.AddSuccess($"Đã lưu tên miền của trang {Tenant.DisplayName}.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostNetworksAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var entries = (Input.AdminNetworks ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var address = HttpContext.Connection.RemoteIpAddress;
        if (id == ActingTenant.Id && !AdminNetworks.Allows(Tenant with { AdminNetworks = AdminNetworks.Normalize(entries, out _) }, address))
        {
            AddErrors([$"Danh sách này không gồm địa chỉ của bạn ({address?.ToString() ?? "không rõ"}): lưu nó sẽ khóa bạn khỏi trang quản trị này."]);
            return Page();
        }

        var result = await provisioner.UpdateAdminNetworksAsync(id, entries, CancellationToken.None);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Page();
        }

        TempData.AddSuccess($"Đã lưu các mạng được vào trang quản trị của {Tenant.DisplayName}.");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await queries.FindRecordAsync(id, cancellationToken) is not { } record)
        {
            return false;
        }

        Record = record;
        Tenant = queries.Find(id) ?? record.ToDescriptor();
        Parent = record.ParentId is { } parentId ? queries.Find(parentId) : null;
        return true;
    }

    public sealed class InputModel
    {
        [Display(Name = "Tên miền")]
        [StringLength(4000, ErrorMessage = "Danh sách tên miền dài tối đa 4000 ký tự.")]
        public string? HostNames { get; set; }

        [Display(Name = "Tiền tố đường dẫn")]
        [StringLength(HostLabel.MaxLength, ErrorMessage = "Tiền tố đường dẫn dài tối đa 63 ký tự.")]
        public string? UrlPrefix { get; set; }

        [StringLength(8000, ErrorMessage = "Danh sách mạng dài tối đa 8000 ký tự.")]
        public string? AdminNetworks { get; set; }
    }
}
