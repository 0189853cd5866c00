using Portal.Core.Tenancy;

namespace Portal.Modules.Taxonomies.Models;

/// <summary>A tenant's taxonomy (chuyên mục, thẻ...): a technical name that content field settings name, and a Vietnamese display name.</summary>
public sealed class Taxonomy : ITenantOwned
{
    public const int NameMaxLength = 64;
    public const int DisplayNameMaxLength = 256;

    public long Id { get; set; }

    public string TenantId { get; set; } = "";

    /// <summary>A slug (<c>chuyen-muc</c>), unique in the tenant.</summary>
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";
}

/// <summary>One term of a taxonomy, nested under another term of the same taxonomy or at its top level.</summary>
public sealed class Term : ITenantOwned
{
    public const int IdLength = 32;
    public const int NameMaxLength = 256;
    public const int SlugMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    /// <summary>32 hex characters of a version 7 GUID: what content stores in its Taxonomy fields.</summary>
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    /// <summary>The <see cref="Models.Taxonomy.Name"/> of its taxonomy.</summary>
    public string Taxonomy { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Unique within the taxonomy and tenant; names the term in public addresses.</summary>
    public string Slug { get; set; } = "";

    public string? ParentId { get; set; }

    /// <summary>Place among its siblings, from 0.</summary>
    public int Order { get; set; }

    public string? Description { get; set; }

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
