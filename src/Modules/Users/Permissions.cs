using Portal.Core.Admin;
using Portal.Core.Security;

namespace Portal.Modules.Users;

public static class Permissions
{
    private const string Group = "Người dùng";

    public static readonly Permission ManageUsers = new(nameof(ManageUsers), "Quản lý người dùng", Group);
    public static readonly Permission ManageRoles = new(nameof(ManageRoles), "Quản lý vai trò", Group);
    /// <summary>Declared by the platform (every /admin route requires it); listed here, where roles are managed.</summary>
    public static readonly Permission AccessAdmin = AdminPermissions.AccessAdmin;

    public static IReadOnlyList<Permission> All { get; } = [ManageUsers, ManageRoles, AccessAdmin];
}
