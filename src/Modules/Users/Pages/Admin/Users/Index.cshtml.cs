using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Pages.Admin.Users;

[RequirePermission(nameof(Permissions.ManageUsers))]
public sealed class IndexModel(UserManager<PortalUser> userManager, PortalDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    // "page" is a reserved route value in Razor Pages, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public int TotalCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var users = userManager.Users;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var name = userManager.NormalizeName(Search.Trim());
            var email = userManager.NormalizeEmail(Search.Trim());
            users = users.Where(u => u.NormalizedUserName!.Contains(name) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(email)));
        }

        TotalCount = await users.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await users.OrderBy(u => u.NormalizedUserName)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);

        // One query for the roles of the whole page rather than one per user.
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.Set<PortalUserRole>()
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Set<PortalRole>(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Rows = page.Select(u => new UserRow(
                u.Id,
                u.UserName ?? "",
                u.Email,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal).ToList(),
                u.LockoutEnd > now,
                u.CreatedUtc,
                u.LastSignInUtc))
            .ToList();
    }

    public string PageUrl(int pageNumber) =>
        string.IsNullOrWhiteSpace(Search)
            ? $"/admin/users?p={pageNumber}"
            : $"/admin/users?q={Uri.EscapeDataString(Search)}&p={pageNumber}";
}

public sealed record UserRow(
    string Id,
    string UserName,
    string? Email,
    IReadOnlyList<string> Roles,
    bool IsLockedOut,
    DateTimeOffset? CreatedUtc,
    DateTimeOffset? LastSignInUtc);
