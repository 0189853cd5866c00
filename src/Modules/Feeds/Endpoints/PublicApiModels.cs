namespace Portal.Modules.Feeds.Endpoints;

/// <summary>One page of published items, newest publication first.</summary>
/// <param name="Page">The page shown (from 1).</param>
/// <param name="PageSize">Items per page (1 to 100).</param>
/// <param name="TotalCount">Published items matching the query.</param>
/// <param name="PageCount">Pages in all (at least 1).</param>
/// <param name="Items">The page's items; empty past the last page.</param>
public sealed record PublicContentPage(int Page, int PageSize, int TotalCount, int PageCount, IReadOnlyList<PublicContentSummary> Items);

/// <summary>A published item as lists show it.</summary>
/// <param name="Id">The item's stable id.</param>
/// <param name="Type">Its content type (Article, Announcement, Page, Leader...).</param>
/// <param name="Title">Its title.</param>
/// <param name="Path">Its public path without a leading slash, or null when it has no page of its own.</param>
/// <param name="Url">The absolute address of its page, or null.</param>
/// <param name="Summary">Its lead (sapo), or null.</param>
/// <param name="Image">Its featured image, or null.</param>
/// <param name="Featured">Whether it is featured news (tin nổi bật).</param>
/// <param name="Culture">Its language (vi, en...).</param>
/// <param name="PublishedAt">When it was published, in Vietnam's time (+07:00).</param>
/// <param name="ModifiedAt">When its published version was written, in Vietnam's time (+07:00).</param>
public sealed record PublicContentSummary(
    string Id, string Type, string Title, string? Path, string? Url, string? Summary, PublicImage? Image, bool Featured, string Culture,
    DateTimeOffset PublishedAt, DateTimeOffset ModifiedAt);

/// <summary>A published item with its body and terms.</summary>
/// <param name="Id">The item's stable id.</param>
/// <param name="Type">Its content type.</param>
/// <param name="Title">Its title.</param>
/// <param name="Path">Its public path, or null.</param>
/// <param name="Url">The absolute address of its page, or null.</param>
/// <param name="Summary">Its lead (sapo), or null.</param>
/// <param name="Image">Its featured image, or null.</param>
/// <param name="Featured">Whether it is featured news.</param>
/// <param name="Culture">Its language.</param>
/// <param name="PublishedAt">When it was published (+07:00).</param>
/// <param name="ModifiedAt">When its published version was written (+07:00).</param>
/// <param name="BodyHtml">Its body as sanitised HTML, or null.</param>
/// <param name="Categories">Its categories (chuyên mục).</param>
/// <param name="Tags">Its tags (thẻ).</param>
public sealed record PublicContentDetail(
    string Id, string Type, string Title, string? Path, string? Url, string? Summary, PublicImage? Image, bool Featured, string Culture,
    DateTimeOffset PublishedAt, DateTimeOffset ModifiedAt, string? BodyHtml, IReadOnlyList<PublicTerm> Categories, IReadOnlyList<PublicTerm> Tags);

/// <summary>An image: its absolute address and alternative text.</summary>
public sealed record PublicImage(string Url, string? Alt);

/// <summary>A taxonomy term an item is filed under.</summary>
/// <param name="Id">The term's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Slug">Its slug (the <c>category</c> filter of the list), or null when the term no longer exists.</param>
/// <param name="Url">The absolute address of the category's page, or null.</param>
public sealed record PublicTerm(string? Id, string Name, string? Slug, string? Url);
