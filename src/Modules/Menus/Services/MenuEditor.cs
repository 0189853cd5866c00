using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Auditing;
using Portal.Core.Collections;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Core.Web;
using Portal.Modules.Menus.Models;

namespace Portal.Modules.Menus.Services;

/// <summary>What an editor types for a menu entry.</summary>
public sealed record MenuItemInput(string? Text, string? Url, string? ParentId = null, bool OpenInNewWindow = false)
{
    /// <summary>The entry's place among its siblings; null keeps it (or puts a new or moved entry last).</summary>
    public int? Order { get; init; }
}

/// <summary>The outcome of a change: the entry it concerns, or Vietnamese reasons why nothing was saved.</summary>
public sealed record MenuEditResult(MenuItem? Item, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static MenuEditResult Fail(params string[] errors) => new(null, errors);
}

/// <summary>
/// Every change to the current tenant's menus (admin pages and the recipe step): checked, audited,
/// saved, then the tenant's cached menus and public pages are evicted.
/// </summary>
public sealed class MenuEditor(PortalDbContext db, ICurrentTenant currentTenant, IAuditLog auditLog, IMemoryCache cache, IPublicPageCache pageCache)
{
    public const string MenuSavedAction = "menus.menu-saved";
    public const string ItemAddedAction = "menus.item-added";
    public const string ItemUpdatedAction = "menus.item-updated";
    public const string ItemMovedAction = "menus.item-moved";
    public const string ItemDeletedAction = "menus.item-deleted";

    public const string UnknownMenu = "Không tìm thấy trình đơn này.";
    public const string UnknownItem = "Không tìm thấy mục trình đơn này (có thể đã bị xoá).";
    public const string EmptyText = "Vui lòng nhập tên mục.";
    public const string BadUrl = "Địa chỉ phải là đường dẫn trong trang (bắt đầu bằng /) hoặc địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.";
    public const string ParentIsSelfOrDescendant = "Không thể chọn chính mục này hoặc một mục con của nó làm mục cha.";
    public const string UnknownParent = "Mục cha không tồn tại trong trình đơn này.";

    public Task<Menu?> FindMenuAsync(string name, CancellationToken cancellationToken = default) =>
        db.Set<Menu>().FirstOrDefaultAsync(m => m.Name == name, cancellationToken);

    /// <summary>Creates the menu or renames it (its technical name never changes).</summary>
    public async Task<IReadOnlyList<string>> SaveMenuAsync(string? name, string? displayName, CancellationToken cancellationToken = default)
    {
        name = Clean(name);
        displayName = Clean(displayName);
        var errors = new List<string>();
        if (!VietnameseText.IsSlug(name) || name.Length > Menu.NameMaxLength)
        {
            errors.Add($"Mã trình đơn chỉ gồm chữ thường không dấu (a-z), chữ số và dấu gạch ngang, tối đa {Menu.NameMaxLength} ký tự.");
        }

        if (displayName.Length == 0 || displayName.Length > Menu.DisplayNameMaxLength)
        {
            errors.Add($"Vui lòng nhập tên trình đơn (tối đa {Menu.DisplayNameMaxLength} ký tự).");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var menu = await FindMenuAsync(name, cancellationToken).ConfigureAwait(false);
        if (menu is null)
        {
            db.Add(new Menu { Name = name, DisplayName = displayName });
        }
        else if (menu.DisplayName == displayName)
        {
            return [];
        }
        else
        {
            menu.DisplayName = displayName;
        }

        auditLog.Add(MenuSavedAction, name, displayName);
        await SaveAsync($"menu {name} saved", cancellationToken).ConfigureAwait(false);
        return [];
    }

    public async Task<MenuEditResult> AddItemAsync(string menu, MenuItemInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await FindMenuAsync(menu, cancellationToken).ConfigureAwait(false) is null)
        {
            return MenuEditResult.Fail(UnknownMenu);
        }

        var items = await ItemsOfAsync(menu, cancellationToken).ConfigureAwait(false);
        var item = new MenuItem { Id = MenuItem.NewId(), Menu = menu };
        var errors = Apply(item, input, items, isNew: true);
        if (errors.Count > 0)
        {
            return new MenuEditResult(null, errors);
        }

        db.Add(item);
        auditLog.Add(ItemAddedAction, $"{menu}/{item.Id}", $"{item.Text} ({item.Url})");
        await SaveAsync($"menu {menu} item added", cancellationToken).ConfigureAwait(false);
        return new MenuEditResult(item, []);
    }

    public async Task<MenuEditResult> UpdateItemAsync(string id, MenuItemInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = await db.Set<MenuItem>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return MenuEditResult.Fail(UnknownItem);
        }

        var before = (item.Text, item.Url, item.ParentId, item.Order, item.OpenInNewWindow);
        var errors = Apply(item, input, await ItemsOfAsync(item.Menu, cancellationToken).ConfigureAwait(false), isNew: false);
        if (errors.Count > 0)
        {
            return new MenuEditResult(null, errors);
        }

        if (before != (item.Text, item.Url, item.ParentId, item.Order, item.OpenInNewWindow))
        {
            auditLog.Add(ItemUpdatedAction, $"{item.Menu}/{item.Id}", $"{before.Text} ({before.Url}) -> {item.Text} ({item.Url})");
            await SaveAsync($"menu {item.Menu} item updated", cancellationToken).ConfigureAwait(false);
        }

        return new MenuEditResult(item, []);
    }

    /// <summary>Moves an entry one place up (-1) or down (+1) among its siblings; refused when it is already first or last.</summary>
    public async Task<MenuEditResult> MoveItemAsync(string id, int offset, CancellationToken cancellationToken = default)
    {
        var item = await db.Set<MenuItem>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return MenuEditResult.Fail(UnknownItem);
        }

        var siblings = (await ItemsOfAsync(item.Menu, cancellationToken).ConfigureAwait(false)).Where(i => i.ParentId == item.ParentId);
        if (!TreeOrder.Move(siblings, i => i.Id, i => i.Order, (i, order) => i.Order = order, item.Id, Math.Sign(offset)))
        {
            return MenuEditResult.Fail(offset < 0 ? $"“{item.Text}” đã ở vị trí đầu tiên." : $"“{item.Text}” đã ở vị trí cuối cùng.");
        }

        auditLog.Add(ItemMovedAction, $"{item.Menu}/{item.Id}", offset < 0 ? "up" : "down");
        await SaveAsync($"menu {item.Menu} item moved", cancellationToken).ConfigureAwait(false);
        return new MenuEditResult(item, []);
    }

    /// <summary>Deletes an entry that has no children.</summary>
    public async Task<MenuEditResult> DeleteItemAsync(string id, CancellationToken cancellationToken = default)
    {
        var item = await db.Set<MenuItem>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return MenuEditResult.Fail(UnknownItem);
        }

        var children = await db.Set<MenuItem>().CountAsync(i => i.ParentId == item.Id, cancellationToken).ConfigureAwait(false);
        if (children > 0)
        {
            return MenuEditResult.Fail($"Không thể xoá “{item.Text}” vì còn {children} mục con: hãy xoá hoặc chuyển các mục con trước.");
        }

        db.Remove(item);
        auditLog.Add(ItemDeletedAction, $"{item.Menu}/{item.Id}", $"{item.Text} ({item.Url})");
        await SaveAsync($"menu {item.Menu} item deleted", cancellationToken).ConfigureAwait(false);
        return new MenuEditResult(item, []);
    }

    /// <summary>True for a site path (<c>/gioi-thieu</c>, not <c>//host</c>) or an absolute http(s) address.</summary>
    public static bool IsValidUrl(string url) =>
        url.Length <= MenuItem.UrlMaxLength && !url.Any(char.IsWhiteSpace) &&
        ((url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)) ||
         (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)));

    private Task<List<MenuItem>> ItemsOfAsync(string menu, CancellationToken cancellationToken) =>
        db.Set<MenuItem>().Where(i => i.Menu == menu).ToListAsync(cancellationToken);

    // Checks the input against the menu's entries and writes it into the entry; nothing is written when there are errors.
    private static List<string> Apply(MenuItem item, MenuItemInput input, IReadOnlyList<MenuItem> items, bool isNew)
    {
        var errors = new List<string>();
        var text = Clean(input.Text);
        if (text.Length == 0)
        {
            errors.Add(EmptyText);
        }
        else if (text.Length > MenuItem.TextMaxLength)
        {
            errors.Add($"Tên mục dài tối đa {MenuItem.TextMaxLength} ký tự.");
        }

        var url = Clean(input.Url);
        if (!IsValidUrl(url))
        {
            errors.Add(BadUrl);
        }

        var parentId = string.IsNullOrWhiteSpace(input.ParentId) ? null : input.ParentId.Trim();
        if (parentId is not null)
        {
            if (!isNew && TreeOrder.IsSelfOrDescendant(items, i => i.Id, i => i.ParentId, item.Id, parentId))
            {
                errors.Add(ParentIsSelfOrDescendant);
            }
            else if (items.All(i => i.Id != parentId))
            {
                errors.Add(UnknownParent);
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var moved = isNew || item.ParentId != parentId;
        item.Text = text;
        item.Url = url;
        item.ParentId = parentId;
        item.OpenInNewWindow = input.OpenInNewWindow;
        if (input.Order is { } order)
        {
            item.Order = order;
        }
        else if (moved)
        {
            item.Order = items.Where(i => i.ParentId == parentId && i.Id != item.Id).Select(i => i.Order + 1).DefaultIfEmpty(0).Max();
        }

        return errors;
    }

    private static string Clean(string? text) => (text ?? "").Normalize(NormalizationForm.FormC).Trim();

    private async Task SaveAsync(string reason, CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.Tenant?.Id ?? throw new InvalidOperationException("Menus are changed for a tenant; none is current.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        MenuService.Invalidate(cache, tenantId);
        await pageCache.EvictTenantAsync(tenantId, reason, cancellationToken).ConfigureAwait(false);
    }
}
