using Portal.Core.Security;

namespace Portal.Modules.Tenants;

public static class Permissions
{
    public static readonly Permission ManageSettings = new(nameof(ManageSettings), "Quản lý cài đặt của trang", "Hệ thống");

    public static readonly Permission ManageTenants = new(nameof(ManageTenants), "Quản lý các trang thành phần", "Hệ thống");
}
