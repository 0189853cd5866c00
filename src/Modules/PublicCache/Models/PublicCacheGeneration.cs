namespace Portal.Modules.PublicCache.Models;

/// <summary>
/// How many times a tenant's public pages were evicted: every node polls these rows and evicts
/// its own copies of a tenant whose generation moved. Global on purpose (like the tenant
/// registry): one poll reads every tenant's row, which row-level security would forbid.
/// </summary>
public sealed class PublicCacheGeneration
{
    public const string TableName = "PublicCacheGenerations";

    public string TenantId { get; set; } = "";

    public long Generation { get; set; }

    public DateTimeOffset ChangedUtc { get; set; }
}
