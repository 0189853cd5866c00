using Portal.Core.Security;

namespace Portal.Modules.Audit;

public static class Permissions
{
    private const string Group = "Nhật ký hệ thống";

    /// <summary>Read the site's audit trail and export it.</summary>
    public static readonly Permission ViewAuditLog = new(nameof(ViewAuditLog), "Xem và xuất nhật ký hệ thống", Group);

    public static IReadOnlyList<Permission> All { get; } = [ViewAuditLog];
}
