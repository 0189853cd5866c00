using Portal.Core.Tenancy;

namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// Base of a row in a module's index table: structured values copied out of an item's JSON
/// body so that lists and filters are plain indexed SQL. The content manager rewrites an
/// item's rows on every change, from its latest and published versions, in the same
/// transaction as the change. Map a subclass with <c>services.AddContentIndex&lt;TIndex, TProvider&gt;()</c>.
/// </summary>
public abstract class ContentIndexRow : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";

    /// <summary>The item the row was mapped from; set by the content manager.</summary>
    public string ContentItemId { get; set; } = "";

    /// <summary>The version the row was mapped from; set by the content manager.</summary>
    public string ContentItemVersionId { get; set; } = "";

    /// <summary>Copied from the version: the row describes the item's latest version.</summary>
    public bool Latest { get; set; }

    /// <summary>Copied from the version: the row describes the item's published version.</summary>
    public bool Published { get; set; }
}
