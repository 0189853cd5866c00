using Portal.Core.Tenancy;

namespace Portal.Modules.Search.Models;

/// <summary>
/// One published item of a tenant as search sees it (table <c>SearchDocuments</c>): what a result
/// shows (title, path, summary, plain-text body, date) and the same texts folded for matching
/// (<see cref="Services.SearchText.FoldToTokens"/>: lower case, no diacritics, <c>đ</c> -> <c>d</c>,
/// words joined by single spaces). SQLite indexes the folded columns in the FTS5 table
/// <c>SearchFts</c> (kept in step by triggers); PostgreSQL in the generated, GIN-indexed
/// tsvector column <c>SearchVector</c>. Both are created by the module's migrations.
/// </summary>
public sealed class SearchDocument : ITenantOwned
{
    public const int TitleMaxLength = 1024;
    public const int PathMaxLength = 1024;
    public const int SummaryMaxLength = 4000;

    /// <summary>At most this many characters of an item's body are indexed and kept for snippets.</summary>
    public const int BodyMaxLength = 100_000;

    public long Id { get; set; }

    public string TenantId { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    /// <summary>The published version the row was made from.</summary>
    public string ContentItemVersionId { get; set; } = "";

    /// <summary>Its version number: a late event for an older version never overwrites a newer one.</summary>
    public int VersionNumber { get; set; }

    public string ContentType { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The item's public path, without slashes around it (<c>tin-tuc/hoi-nghi</c>).</summary>
    public string Path { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>The body as plain text (tags removed, entities decoded).</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset PublishedUtc { get; set; }

    public string FoldedTitle { get; set; } = "";

    public string FoldedSummary { get; set; } = "";

    public string FoldedBody { get; set; } = "";
}
