using Portal.Core.Tenancy;

namespace Portal.Modules.Contents.Models;

/// <summary>
/// What an editor typed in the content editor, saved every few seconds while typing, one row
/// per user and item (or per user and type for an item not yet created). It is not a version:
/// it is offered back when the editor returns (after an expired session, a crash) and
/// deleted once the item is saved.
/// </summary>
public sealed class ContentAutosave : ITenantOwned
{
    public const int KeyMaxLength = 180;

    public long Id { get; set; }

    public string TenantId { get; set; } = "";

    public string UserName { get; set; } = "";

    /// <summary>The item's id, or <c>new:&lt;type&gt;</c> for an item being created.</summary>
    public string Key { get; set; } = "";

    /// <summary>The version the editor started from; null for a new item.</summary>
    public string? BaseVersionId { get; set; }

    /// <summary>The form's values as a JSON object (field name to text).</summary>
    public string Values { get; set; } = "{}";

    public DateTimeOffset SavedUtc { get; set; }
}
