using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Pages.Admin.Roles;

[RequirePermission(nameof(Permissions.ManageRoles))]
public sealed class IndexModel(PortalDbContext db, ModuleCatalog catalog) : PageModel
{
    public IReadOnlyList<RoleRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var roles = await db.Set<PortalRole>().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var claims = await db.Set<PortalRoleClaim>()
            .Where(c => c.ClaimType == PermissionPolicies.ClaimType)
            .Select(c => new { c.RoleId, c.ClaimValue })
            .ToListAsync(cancellationToken);
        var labels = new PermissionLabels(catalog);
        Rows = roles.Select(r => new RoleRow(
                r.Id,
                r.Name ?? "",
                r.Description,
                claims.Where(c => c.RoleId == r.Id && c.ClaimValue is not null)
                    .Select(c => labels.LabelOf(c.ClaimValue!))
                    .Order(StringComparer.Ordinal)
                    .ToList()))
            .ToList();
    }
}

public sealed record RoleRow(string Id, string Name, string? Description, IReadOnlyList<string> Permissions);
