namespace Portal.Modules.Tenants.Services;

/// <summary>Settings under <c>Portal:Tenants</c>.</summary>
public sealed class TenantsOptions
{
    public const string Section = "Portal:Tenants";

    /// <summary>
    /// The province portal's domain; component sites are its sub-domains. <c>thainguyen.gov.vn</c>
    /// in production, <c>thainguyen.localhost</c> in development, so the same recipes serve both.
    /// </summary>
    public string BaseDomain { get; set; } = "thainguyen.localhost";

    /// <summary>The recipe a new component site is provisioned from unless another is chosen.</summary>
    public string ComponentSiteRecipe { get; set; } = "component-site";
}
