namespace Portal.Modules.Tenants.Models;

/// <summary>
/// One host name of one tenant. The host name is the table's key, so the database itself refuses
/// a host given to two tenants (even by two writers racing past the provisioner's checks). Kept in
/// step with <see cref="TenantRecord.HostNames"/> by <c>TenantProvisioner</c>, in the same save.
/// Global like <see cref="TenantRecord"/>: the uniqueness spans every tenant.
/// </summary>
public sealed class TenantHost
{
    public string HostName { get; set; } = "";

    public string TenantId { get; set; } = "";
}
