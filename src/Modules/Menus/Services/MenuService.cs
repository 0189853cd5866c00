using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Collections;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Menus.Abstractions;
using Portal.Modules.Menus.Models;

namespace Portal.Modules.Menus.Services;

/// <summary>A menu as the admin lists it.</summary>
public sealed record MenuInfo(string Name, string DisplayName, int ItemCount);

/// <summary>A menu entry in tree order with its depth, for the admin.</summary>
public sealed record MenuItemInfo(string Id, string Menu, string Text, string Url, string? ParentId, int Order, int Depth, bool OpenInNewWindow);

/// <summary>
/// Reads the current tenant's menus: every menu and entry of the tenant is read in one go and kept
/// in memory, evicted at once on this node by <see cref="MenuEditor"/> and re-read by other nodes
/// after <see cref="CacheDuration"/>.
/// </summary>
public sealed class MenuService(PortalDbContext db, ICurrentTenant currentTenant, IMemoryCache cache) : IMenuService
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<MenuLink>> GetMenuAsync(string menu, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken).ConfigureAwait(false)).Links.GetValueOrDefault(menu) ?? [];

    /// <summary>The menu's entries in tree order (parents first) with their depth.</summary>
    public async Task<IReadOnlyList<MenuItemInfo>> GetItemsAsync(string menu, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken).ConfigureAwait(false)).Items.GetValueOrDefault(menu) ?? [];

    public async Task<IReadOnlyList<MenuInfo>> ListMenusAsync(CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken).ConfigureAwait(false)).Menus;

    /// <summary>Forgets the tenant's cached menus on this node.</summary>
    public static void Invalidate(IMemoryCache cache, string tenantId) => cache.Remove(CacheKey(tenantId));

    private static (string, string) CacheKey(string tenantId) => ("menus", tenantId);

    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.Tenant?.Id ?? throw new InvalidOperationException("Menus are read for a tenant; none is current.");
        if (cache.TryGetValue(CacheKey(tenantId), out Snapshot? cached) && cached is not null)
        {
            return cached;
        }

        var menus = await db.Set<Menu>().AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = await db.Set<MenuItem>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var byMenu = items.GroupBy(i => i.Menu, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<MenuItemInfo>)TreeOrder.Flatten(g, i => i.Id, i => i.ParentId, i => i.Order)
                .Select(x => new MenuItemInfo(x.Node.Id, x.Node.Menu, x.Node.Text, x.Node.Url, x.Node.ParentId, x.Node.Order, x.Depth, x.Node.OpenInNewWindow))
                .ToList(),
            StringComparer.Ordinal);
        var snapshot = new Snapshot(
            menus.Select(m => new MenuInfo(m.Name, m.DisplayName, byMenu.GetValueOrDefault(m.Name)?.Count ?? 0)).ToList(),
            byMenu,
            byMenu.ToDictionary(p => p.Key, p => Links(p.Value), StringComparer.Ordinal));
        cache.Set(CacheKey(tenantId), snapshot, CacheDuration);
        return snapshot;
    }

    // The flat list in tree order back into nested links.
    private static IReadOnlyList<MenuLink> Links(IReadOnlyList<MenuItemInfo> items)
    {
        var shown = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var children = items.ToLookup(i => i.ParentId is { } p && shown.Contains(p) && i.Depth > 0 ? p : "", StringComparer.Ordinal);

        IReadOnlyList<MenuLink> Build(string parent) =>
            children[parent].Select(i => new MenuLink(i.Text, i.Url, i.OpenInNewWindow, Build(i.Id))).ToList();

        return Build("");
    }

    private sealed record Snapshot(
        IReadOnlyList<MenuInfo> Menus,
        IReadOnlyDictionary<string, IReadOnlyList<MenuItemInfo>> Items,
        IReadOnlyDictionary<string, IReadOnlyList<MenuLink>> Links);
}
