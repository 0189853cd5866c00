using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Models;

/// <summary>Where an item stands, as the admin list filters it.</summary>
public enum ContentStatus
{
    /// <summary>Never published, or taken off line: only editors see it.</summary>
    Draft = 0,

    /// <summary>On the public pages (possibly with a newer draft waiting, see <see cref="ContentListIndex.HasDraft"/>).</summary>
    Published = 1,

    /// <summary>Removed (soft): kept with all its versions, restorable.</summary>
    Removed = 2,
}

/// <summary>
/// One row per item, removed items included, backing the admin list: type, status, author,
/// times and a searchable title, so the list is one indexed query per page whatever the
/// number of items. Kept in step by <c>ContentListIndexProvider</c> in the same transaction as every change.
/// </summary>
public sealed class ContentListIndex : ContentIndexRow
{
    public const int TitleMaxLength = 1024;

    /// <summary>
    /// The searched title is cut here: it is a key column of the list's indexes, and a PostgreSQL
    /// index row must stay under 2,704 bytes whatever the script (4 bytes a character at worst).
    /// </summary>
    public const int NormalizedTitleMaxLength = 500;

    public string ContentType { get; set; } = "";

    /// <summary>The latest version's display text.</summary>
    public string Title { get; set; } = "";

    /// <summary>The title in lower case without diacritics ("tai chinh"), for search that ignores them.</summary>
    public string NormalizedTitle { get; set; } = "";

    public ContentStatus Status { get; set; }

    /// <summary>The latest version is not the published one: a draft waits to be published.</summary>
    public bool HasDraft { get; set; }

    /// <summary>Who wrote the latest version.</summary>
    public string Author { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When the latest version was written.</summary>
    public DateTimeOffset ModifiedUtc { get; set; }

    /// <summary>When the published version went on line; null when not published.</summary>
    public DateTimeOffset? PublishedUtc { get; set; }

    /// <summary>The form titles are searched in: lower case, diacritics removed, spaces collapsed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = Portal.Core.Text.VietnameseText.RemoveDiacritics(text).ToLowerInvariant();
        return string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
