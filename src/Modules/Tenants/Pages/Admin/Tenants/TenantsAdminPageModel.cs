using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Tenancy;
using Portal.Core.Text;

namespace Portal.Modules.Tenants.Pages.Admin.Tenants;

/// <summary>
/// The base of the tenant admin pages: they exist only in the province portal's tenant
/// (404 in any other, even for a user holding the permission there), and share how states
/// and site addresses are shown.
/// </summary>
public abstract class TenantsAdminPageModel(ICurrentTenant currentTenant) : PageModel
{
    /// <summary>The tenant the operator acts in: always the province portal once a handler runs.</summary>
    protected TenantDescriptor ActingTenant => currentTenant.Tenant!;

    /// <summary>Errors the provisioner gave back, shown with the form's validation errors.</summary>
    protected void AddErrors(IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError("", error);
        }
    }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (currentTenant.Tenant is not { IsDefault: true })
        {
            context.Result = NotFound();
        }
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

    /// <summary>A host name that may wrap after each dot (the list of sites fits a 1280 px screen).</summary>
    public static IHtmlContent BreakableHost(string host) =>
        new HtmlString(string.Join(".<wbr>", host.Split('.').Select(part => HtmlEncoder.Default.Encode(part))));

    public static string StateText(TenantState state) => state.ToVietnamese();

    public static string StateBadge(TenantState state) => state == TenantState.Running ? "badge badge-ok" : "badge badge-off";

    /// <summary>dd/MM/yyyy HH:mm in Vietnam's time, for a UTC time as stored (the provider may drop its kind).</summary>
    public static string FormatUtc(DateTimeOffset utc) => VietnamTime.Format(utc);
}
