using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Tenancy;
using Portal.Core.Text;

namespace Portal.Modules.Tenants.Pages.Admin.Tenants;

/// <summary>
/// The base of the tenant admin pages: they exist only in the province portal's tenant
/// (404 in any other, even for a user holding the permission there), and share how errors,
/// states and site addresses are shown.
/// </summary>
public abstract class TenantsAdminPageModel(ICurrentTenant currentTenant) : PageModel
{
    /// <summary>TempData key of the layout's success line.</summary>
    public const string MessageKey = "Message";

    /// <summary>TempData key of errors carried across a redirect (string[]).</summary>
    public const string ErrorsKey = "TenantErrors";

    /// <summary>The tenant the operator acts in: always the province portal once a handler runs.</summary>
    protected TenantDescriptor ActingTenant => currentTenant.Tenant!;

    /// <summary>Errors a handler got back from the provisioner, shown with the model's own.</summary>
    protected List<string> Errors { get; } = [];

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (currentTenant.Tenant is not { IsDefault: true })
        {
            context.Result = NotFound();
        }
    }

    /// <summary>Validation errors, the provisioner's errors and any carried over a redirect, in that order.</summary>
    public IReadOnlyList<string> AllErrors()
    {
        var errors = ModelState.Values
            .SelectMany(v => v.Errors)
            .Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "Giá trị nhập vào không hợp lệ." : e.ErrorMessage)
            .Concat(Errors)
            .ToList();
        if (TempData[ErrorsKey] is string[] carried)
        {
            errors.AddRange(carried);
        }

        return errors;
    }

    /// <summary>Addresses of a tenant's site on this request's scheme and port: one per host name, or the prefix on this host.</summary>
    public IReadOnlyList<string> SiteUrls(TenantDescriptor tenant)
    {
        var port = Request.Host.Port is { } p ? $":{p}" : "";
        var path = tenant.UrlPrefix is { Length: > 0 } prefix ? $"/{prefix}/" : "/";
        return tenant.HostNames.Count == 0
            ? [$"{Request.Scheme}://{Request.Host}{path}"]
            : tenant.HostNames
                .Where(h => !h.StartsWith("*.", StringComparison.Ordinal)) // a wildcard is no address to visit
                .Select(h => $"{Request.Scheme}://{h}{port}{path}")
                .ToList();
    }

    public static string StateText(TenantState state) => state.ToVietnamese();

    public static string StateBadge(TenantState state) => state == TenantState.Running ? "badge badge-ok" : "badge badge-off";

    /// <summary>dd/MM/yyyy HH:mm in Vietnam's time, for a UTC time as stored (the provider may drop its kind).</summary>
    public static string FormatUtc(DateTime utc) => VietnamTime.Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
