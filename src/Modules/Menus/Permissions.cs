using Portal.Core.Security;

namespace Portal.Modules.Menus;

public static class Permissions
{
    private const string Group = "Trình đơn";

    /// <summary>Add, change, move and delete the entries of the site's menus.</summary>
    public static readonly Permission ManageMenus = new(nameof(ManageMenus), "Quản lý trình đơn", Group);

    public static IReadOnlyList<Permission> All { get; } = [ManageMenus];
}
