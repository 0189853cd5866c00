namespace Portal.Modules.Menus.Abstractions;

/// <summary>The menus every theme shows.</summary>
public static class MenuNames
{
    /// <summary>The main menu under the banner.</summary>
    public const string Main = "main";

    /// <summary>Links in the footer.</summary>
    public const string Footer = "footer";
}

/// <summary>
/// One entry of a menu, children included. <see cref="Url"/> is either absolute (<c>https://...</c>)
/// or a site path starting with '/' without the tenant's path base (the theme adds it).
/// </summary>
public sealed record MenuLink(string Text, string Url, bool OpenInNewWindow, IReadOnlyList<MenuLink> Children);

/// <summary>Reads the current tenant's menus (cached; a change is seen at once on this node).</summary>
public interface IMenuService
{
    /// <summary>The menu's top-level entries in order, each with its children; empty for an unknown menu.</summary>
    Task<IReadOnlyList<MenuLink>> GetMenuAsync(string menu, CancellationToken cancellationToken = default);
}
