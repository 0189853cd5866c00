using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Tenancy;
using Portal.Core.Text;

namespace Portal.Web.Pages.Admin;

public sealed class IndexModel(ICurrentTenant currentTenant, TimeProvider clock) : PageModel
{
    public TenantDescriptor Tenant { get; } = currentTenant.Tenant!;

    public DateTime Now => VietnamTime.From(clock.GetUtcNow());
}
