using System.Text.Json.Nodes;
using Portal.Core.Tenancy;

namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// One version of a content item. An item is the set of rows sharing
/// <see cref="ContentItemId"/>; each save adds a row, and the flags say which row is the
/// latest and which (if any) is published. Content columns of a row never change after it
/// is written (TN Đ10.1 keeps originals and drafts); only the flags do.
/// </summary>
public sealed class ContentItem : ITenantOwned
{
    /// <summary>Length of the ids this module makes: 32 hex characters of a version 7 GUID.</summary>
    public const int IdLength = 32;

    /// <summary>Row key of this version.</summary>
    public long Id { get; set; }

    public string TenantId { get; set; } = "";

    /// <summary>Stable id of the item, shared by all its versions.</summary>
    public string ContentItemId { get; set; } = "";

    /// <summary>Id of this version, unique in the tenant.</summary>
    public string ContentItemVersionId { get; set; } = "";

    /// <summary>Name of the item's <see cref="ContentTypeDefinition"/>; fixed for the item's life.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>The title shown in lists and admin screens.</summary>
    public string DisplayText { get; set; } = "";

    /// <summary>True on the newest version of an item that has not been removed.</summary>
    public bool Latest { get; set; }

    /// <summary>True on the version the public pages show; at most one per item.</summary>
    public bool Published { get; set; }

    /// <summary>User name of whoever wrote this version.</summary>
    public string Author { get; set; } = "";

    /// <summary>When the item (its first version) was created.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When this version was written.</summary>
    public DateTimeOffset ModifiedUtc { get; set; }

    /// <summary>When this version was last published; kept after unpublishing as history.</summary>
    public DateTimeOffset? PublishedUtc { get; set; }

    public string Culture { get; set; } = "vi";

    /// <summary>Version number: 1 for the first version, then 2, 3...</summary>
    public int Number { get; set; }

    /// <summary>Optional stable handle (recipes find their items by it); unique among a tenant's live items.</summary>
    public string? Alias { get; set; }

    /// <summary>
    /// The body: one JSON object per part or field, e.g. <c>Data["TitlePart"]["Title"]</c>.
    /// Stored as a JSON string column.
    /// </summary>
    public JsonObject Data { get; set; } = [];

    /// <summary>A detached copy of this version, body included.</summary>
    internal ContentItem Copy()
    {
        var copy = (ContentItem)MemberwiseClone();
        copy.Data = (JsonObject)Data.DeepClone();
        return copy;
    }

    /// <summary>A new item or version id; time-ordered so inserts stay local in indexes.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
