using Portal.Core.Security;

namespace Portal.Core.Admin;

/// <summary>The right every page under <see cref="AdminRoutes.Prefix"/> requires; pages add their own on top.</summary>
public static class AdminPermissions
{
    public static readonly Permission AccessAdmin = new(nameof(AccessAdmin), "Truy cập trang quản trị", "Người dùng");
}
