using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Admin;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Pages.Admin.Users;

[RequirePermission(nameof(Permissions.ManageUsers))]
public sealed class IndexModel(UserManager<PortalUser> userManager, PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public ListQuery Query { get; set; } = new();

    public PagedResult<UserRow> Users { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var users = userManager.Users;
        if (Query.SearchText is { } search)
        {
            var name = userManager.NormalizeName(search);
            var email = userManager.NormalizeEmail(search);
            users = users.Where(u => u.NormalizedUserName!.Contains(name) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(email)));
        }

        var page = await users.OrderBy(u => u.NormalizedUserName).ToPagedResultAsync(Query.Page, cancellationToken: cancellationToken);

        // One query for the roles of the whole page rather than one per user.
        var ids = page.Items.Select(u => u.Id).ToList();
        var roles = await db.Set<PortalUserRole>()
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Set<PortalRole>(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Users = page.Map(u => new UserRow(
                u.Id,
                u.UserName ?? "",
                u.Email,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal).ToList(),
                u.LockoutEnd > now,
                u.CreatedUtc,
                u.LastSignInUtc));
    }
}

public sealed record UserRow(
    string Id,
    string UserName,
    string? Email,
    IReadOnlyList<string> Roles,
    bool IsLockedOut,
    DateTimeOffset? CreatedUtc,
    DateTimeOffset? LastSignInUtc);
