using Portal.Core.Security;

namespace Portal.Modules.Tenants;

public static class Permissions
{
    public static readonly Permission ManageTenants = new(nameof(ManageTenants), "Quản lý các trang thành phần", "Hệ thống");
}
