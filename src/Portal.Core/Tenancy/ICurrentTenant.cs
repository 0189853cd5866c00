namespace Portal.Core.Tenancy;

/// <summary>The tenant the current unit of work (request, job, recipe) runs for.</summary>
public interface ICurrentTenant
{
    /// <summary>Null outside any tenant: tenant-owned data is then invisible and unwritable.</summary>
    TenantDescriptor? Tenant { get; }
}

/// <summary>Scoped holder of the current tenant; set once per scope by the resolver or a tenant scope.</summary>
public sealed class CurrentTenant : ICurrentTenant
{
    private static readonly AsyncLocal<TenantDescriptor?> AmbientTenant = new();

    /// <summary>The tenant of the innermost tenant scope on this async flow; for log enrichment only.</summary>
    public static TenantDescriptor? Ambient => AmbientTenant.Value;

    public TenantDescriptor? Tenant { get; private set; }

    public void Set(TenantDescriptor tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (Tenant is not null && Tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException(
                $"The scope already runs for tenant '{Tenant.Name}'; open a new tenant scope for '{tenant.Name}'.");
        }

        Tenant = tenant;
    }

    /// <summary>Marks the tenant as the ambient one for log lines outside requests (recipes, jobs, command line).</summary>
    public static void SetAmbient(TenantDescriptor? tenant) => AmbientTenant.Value = tenant;
}
