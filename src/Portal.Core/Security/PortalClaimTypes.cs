namespace Portal.Core.Security;

/// <summary>Claim types the platform reads in more than one module.</summary>
public static class PortalClaimTypes
{
    /// <summary>The id of the tenant a principal signed in to (set by the Users module).</summary>
    public const string TenantId = "tenant_id";
}
