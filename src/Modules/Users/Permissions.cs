using Portal.Core.Security;

namespace Portal.Modules.Users;

public static class Permissions
{
    private const string Group = "Người dùng";

    public static readonly Permission ManageUsers = new(nameof(ManageUsers), "Quản lý người dùng", Group);
    public static readonly Permission ManageRoles = new(nameof(ManageRoles), "Quản lý vai trò", Group);
    public static readonly Permission AccessAdmin = new(nameof(AccessAdmin), "Truy cập trang quản trị", Group);

    public static IReadOnlyList<Permission> All { get; } = [ManageUsers, ManageRoles, AccessAdmin];
}
