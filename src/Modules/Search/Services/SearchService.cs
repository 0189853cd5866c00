using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Search.Models;

namespace Portal.Modules.Search.Services;

/// <summary>What a visitor asked for: the query as typed, the page (from 1), optionally one content type.</summary>
public sealed record SearchQuery(string? Text, int Page = 1, string? ContentType = null, int PageSize = SearchService.DefaultPageSize);

/// <summary>One page of results, ranked; <see cref="Page"/> is the page shown (a page past the end shows the last one).</summary>
public sealed record SearchResults(IReadOnlyList<string> Tokens, int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits)
{
    public static SearchResults Empty { get; } = new([], 0, 1, SearchService.DefaultPageSize, []);

    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>A result: the item's path, type and date, its title and a snippet of its text as HTML with the matching words in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(string ContentItemId, string ContentType, string Path, string TitleHtml, string SnippetHtml, DateTimeOffset PublishedUtc);

/// <summary>Searches the current tenant's index (<see cref="SearchDocument"/>), diacritics-insensitive, ranked title > summary > body.</summary>
public interface ISearchService
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);
}

/// <summary>
/// SQLite: FTS5 <c>MATCH</c> on the folded words prefixed with the tenant's id (each quoted; for
/// several words the exact phrase also counts in the rank), ordered by bm25 with weights title 10,
/// summary 4, body 1. PostgreSQL: <c>plainto_tsquery('simple', ...)</c> on the GIN-indexed tsvector (title A,
/// summary B, body C), ordered by ts_rank. Ties: newest first. Only the current tenant's rows, by
/// the explicit condition and (PostgreSQL) row-level security.
/// </summary>
public sealed class SearchService(PortalDbContext db, ICurrentTenant currentTenant) : ISearchService
{
    public const int DefaultPageSize = 10;

    /// <summary>Pages beyond this are not served (deep paging of a search is a crawler, not a reader).</summary>
    public const int MaxPage = 500;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = SearchText.QueryTokens(query.Text);
        var tenantId = currentTenant.Tenant?.Id;
        if (tokens.Count == 0 || tenantId is null)
        {
            return SearchResults.Empty with { Tokens = tokens };
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var type = query.ContentType ?? "";
        var sqlite = db.Database.IsSqlite();
        var total = await (sqlite ? SqliteCount(tenantId, tokens, type) : PostgresCount(tenantId, tokens, type))
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        if (total == 0)
        {
            return SearchResults.Empty with { Tokens = tokens, PageSize = pageSize };
        }

        var pageCount = (total + pageSize - 1) / pageSize;
        var page = Math.Clamp(query.Page, 1, Math.Min(pageCount, MaxPage));
        var offset = (page - 1) * pageSize;
        var ids = await (sqlite ? SqlitePage(tenantId, tokens, type, pageSize, offset) : PostgresPage(tenantId, tokens, type, pageSize, offset))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var documents = await db.Set<SearchDocument>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, cancellationToken).ConfigureAwait(false);
        var hits = ids.Where(documents.ContainsKey).Select(id => Hit(documents[id], tokens)).ToList();
        return new SearchResults(tokens, total, page, pageSize, hits);
    }

    /// <summary>
    /// The FTS5 expression: every word prefixed with the tenant's id, as the triggers index them
    /// (so only that tenant's doclists are read), quoted; for several words the exact phrase too.
    /// </summary>
    internal static string MatchExpression(string tenantId, IReadOnlyList<string> tokens)
    {
        var words = string.Join(" AND ", tokens.Select(t => Quote(tenantId + t)));
        return tokens.Count == 1 ? words : $"{Quote(string.Join(' ', tokens.Select(t => tenantId + t)))} OR ({words})";
    }

    // Tokens hold letters and digits only; doubling quotes keeps the expression safe whatever comes in.
    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private IQueryable<int> SqliteCount(string tenantId, IReadOnlyList<string> tokens, string type) => db.Database.SqlQuery<int>($"""
        SELECT COUNT(*) AS "Value" FROM "SearchFts" JOIN "SearchDocuments" AS d ON d."Id" = "SearchFts".rowid
        WHERE "SearchFts" MATCH {MatchExpression(tenantId, tokens)} AND d."TenantId" = {tenantId} AND ({type} = '' OR d."ContentType" = {type})
        """);

    private IQueryable<long> SqlitePage(string tenantId, IReadOnlyList<string> tokens, string type, int take, int skip) => db.Database.SqlQuery<long>($"""
        SELECT d."Id" AS "Value" FROM "SearchFts" JOIN "SearchDocuments" AS d ON d."Id" = "SearchFts".rowid
        WHERE "SearchFts" MATCH {MatchExpression(tenantId, tokens)} AND d."TenantId" = {tenantId} AND ({type} = '' OR d."ContentType" = {type})
        ORDER BY bm25("SearchFts", 10.0, 4.0, 1.0), d."PublishedUtc" DESC, d."Id" DESC
        LIMIT {take} OFFSET {skip}
        """);

    private IQueryable<int> PostgresCount(string tenantId, IReadOnlyList<string> tokens, string type) => db.Database.SqlQuery<int>($"""
        SELECT COUNT(*)::int AS "Value" FROM "SearchDocuments" AS d
        WHERE d."TenantId" = {tenantId} AND d."SearchVector" @@ plainto_tsquery('simple', {string.Join(' ', tokens)})
          AND ({type} = '' OR d."ContentType" = {type})
        """);

    private IQueryable<long> PostgresPage(string tenantId, IReadOnlyList<string> tokens, string type, int take, int skip) => db.Database.SqlQuery<long>($"""
        SELECT d."Id" AS "Value" FROM "SearchDocuments" AS d, plainto_tsquery('simple', {string.Join(' ', tokens)}) AS q
        WHERE d."TenantId" = {tenantId} AND d."SearchVector" @@ q AND ({type} = '' OR d."ContentType" = {type})
        ORDER BY ts_rank(d."SearchVector", q) DESC, d."PublishedUtc" DESC, d."Id" DESC
        LIMIT {take} OFFSET {skip}
        """);

    private static SearchHit Hit(SearchDocument document, IReadOnlyList<string> tokens)
    {
        var bodyMatches = SearchSnippets.Words(document.Body).Exists(w => tokens.Contains(w.Folded));
        var source = bodyMatches || document.Summary.Length == 0 ? document.Body : document.Summary;
        return new SearchHit(
            document.ContentItemId,
            document.ContentType,
            document.Path,
            SearchSnippets.Highlight(document.Title, tokens.ToList()),
            SearchSnippets.Snippet(source, tokens.ToList()),
            document.PublishedUtc);
    }
}
