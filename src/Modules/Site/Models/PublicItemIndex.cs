using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Site.Models;

/// <summary>
/// One row per published item of every type: what lists, feeds, the sitemap and the public API
/// show of it, so a list page is one indexed query in publication order. Drafts have no row.
/// Kept by <see cref="Services.PublicItemIndexProvider"/> in the content manager's transaction.
/// </summary>
public sealed class PublicItemIndex : ContentIndexRow
{
    public const int TitleMaxLength = 1024;
    public const int SummaryMaxLength = 2000;
    public const int MediaPathMaxLength = 1024;
    public const int AltMaxLength = 512;

    public string ContentType { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The public path without slashes (<c>tin-tuc/hoi-nghi</c>); null when the item has no page.</summary>
    public string? Path { get; set; }

    /// <summary>The sapo (<c>Summary</c> field), plain text.</summary>
    public string? Summary { get; set; }

    /// <summary>The picture of the item (<c>Image</c>, else <c>Photo</c>, <c>Cover</c>, <c>Poster</c>).</summary>
    public string? ImagePath { get; set; }

    public string? ImageAlt { get; set; }

    /// <summary>The <c>Featured</c> field ("Tin nổi bật").</summary>
    public bool Featured { get; set; }

    public string Culture { get; set; } = "vi";

    /// <summary>When the published version went on line.</summary>
    public DateTimeOffset PublishedUtc { get; set; }

    /// <summary>When the published version was written.</summary>
    public DateTimeOffset ModifiedUtc { get; set; }
}

/// <summary>
/// One row per term of a published item's Taxonomy fields (categories, tags), with the item's
/// publication time, so a category page (the term and its descendants) is one indexed query.
/// </summary>
public sealed class PublicTermIndex : ContentIndexRow
{
    public const int TermIdMaxLength = 64;

    public string TermId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public DateTimeOffset PublishedUtc { get; set; }
}
