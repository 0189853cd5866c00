namespace Portal.Core.Tenancy;

/// <summary>
/// Marks an entity as owned by one tenant. The data layer filters reads to the current
/// tenant, stamps new rows and refuses writes to another tenant's rows.
/// </summary>
public interface ITenantOwned
{
    string TenantId { get; set; }
}
