namespace Portal.Core.Web;

/// <summary>
/// The cache of anonymous public pages. Whatever changes what a tenant's public pages show
/// (content published, changed, unpublished or removed; site settings; menus; taxonomies)
/// evicts that tenant's pages through it, on every node.
/// </summary>
public interface IPublicPageCache
{
    /// <summary>Evicts every cached public page of the tenant, here and on the other nodes; <paramref name="reason"/> is logged.</summary>
    Task EvictTenantAsync(string tenantId, string reason, CancellationToken cancellationToken = default);
}

/// <summary>The host has no public page cache: there is nothing to evict.</summary>
internal sealed class NoPublicPageCache : IPublicPageCache
{
    public Task EvictTenantAsync(string tenantId, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
