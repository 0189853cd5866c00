using System.Security.Claims;
using Portal.Core.Tenancy;

namespace Portal.Modules.Users.Services;

/// <summary>The tenant a signed-in principal belongs to, and the check that keeps it there.</summary>
public static class TenantClaims
{
    /// <summary>Claim type holding <see cref="TenantDescriptor.Id"/> of the tenant the user signed in to.</summary>
    public const string ClaimType = Portal.Core.Security.PortalClaimTypes.TenantId;

    /// <summary>True only when there is a current tenant and the principal was issued by it.</summary>
    public static bool BelongsTo(ClaimsPrincipal? principal, TenantDescriptor? tenant) =>
        tenant is not null &&
        principal?.FindFirst(ClaimType)?.Value is { } tenantId &&
        string.Equals(tenantId, tenant.Id, StringComparison.Ordinal);
}
