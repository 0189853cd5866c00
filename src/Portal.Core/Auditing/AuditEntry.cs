using Portal.Core.Tenancy;

namespace Portal.Core.Auditing;

/// <summary>One line of the audit trail: who did what, when, to what.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public DateTimeOffset AtUtc { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Subject { get; set; }
    public string? Details { get; set; }
}
