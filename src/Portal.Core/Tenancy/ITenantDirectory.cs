namespace Portal.Core.Tenancy;

/// <summary>
/// Read access to the tenant registry for modules that are not the Tenants module
/// (the admin layout, cross-tenant flows). Served from memory.
/// </summary>
public interface ITenantDirectory
{
    IReadOnlyCollection<TenantDescriptor> All { get; }
    TenantDescriptor? FindById(string id);
    TenantDescriptor? FindByName(string name);
}
