using Portal.Core.Tenancy;

namespace Portal.Modules.Feedback.Models;

/// <summary>
/// One reader's answer to "Thông tin này có hữu ích với bạn không?" on a published page of the
/// tenant, with an optional short comment (plain text, never rendered unencoded).
/// </summary>
public sealed class FeedbackEntry : ITenantOwned
{
    public const int PathMaxLength = 400;
    public const int TitleMaxLength = 300;
    public const int CommentMaxLength = 500;
    public const int ClientHashLength = 32;

    public long Id { get; set; }

    public string TenantId { get; set; } = "";

    /// <summary>The page's public path as stored by its RoutePart (no slashes around, lower case).</summary>
    public string Path { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    /// <summary>The page's title when the answer was given.</summary>
    public string Title { get; set; } = "";

    public bool Helpful { get; set; }

    /// <summary>Trimmed, NFC, at most <see cref="CommentMaxLength"/> characters; null when none (or deleted).</summary>
    public string? Comment { get; set; }

    /// <summary>The calendar day in Vietnam's time, for the results per month.</summary>
    public DateOnly Day { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>A keyed hash of the client's address (never the address itself), rotating every day.</summary>
    public string ClientHash { get; set; } = "";
}
