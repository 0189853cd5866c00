using Portal.Core.Tenancy;

namespace Portal.Modules.Media.Models;

/// <summary>A folder of a tenant's media library; folders nest.</summary>
public sealed class MediaFolder : ITenantOwned
{
    /// <summary>The library's top level (no row).</summary>
    public const long Root = 0;

    public const int NameMaxLength = 128;

    public long Id { get; set; }

    public string TenantId { get; set; } = "";

    /// <summary>The parent folder, or <see cref="Root"/>.</summary>
    public long ParentId { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }
}
