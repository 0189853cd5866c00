using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Text;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Services;

/// <summary>Which items the admin list shows. A null status means every item that is not removed.</summary>
public sealed record ContentListFilter
{
    public string? Search { get; init; }
    public string? ContentType { get; init; }
    public ContentListStatus? Status { get; init; }
    public string? Author { get; init; }

    /// <summary>First day (Vietnam time) of the modification date range, inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (Vietnam time) of the modification date range, inclusive.</summary>
    public DateOnly? To { get; init; }

    public ContentListSort Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = ContentListQuery.DefaultPageSize;
}

public enum ContentListStatus
{
    /// <summary>Items whose latest version is not on line: never published, unpublished, or a draft over a published version.</summary>
    Draft,
    Published,
    Removed,
}

public enum ContentListSort
{
    ModifiedDesc,
    ModifiedAsc,
    TitleAsc,
    TitleDesc,
    PublishedDesc,
    CreatedDesc,
}

/// <summary>
/// The admin list: one indexed query on <see cref="ContentListIndex"/> for the page (plus one
/// count), never loading items or their bodies.
/// </summary>
public sealed class ContentListQuery(PortalDbContext db)
{
    public const int DefaultPageSize = 20;
    public const int MaxSearchLength = 100;

    public async Task<PagedResult<ContentListIndex>> ListAsync(ContentListFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = Filter(db.Set<ContentListIndex>().AsNoTracking(), filter);
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var page = Paging.ClampPage(filter.Page, pageSize, total);
        var items = await Sort(rows, filter.Sort)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<ContentListIndex>(items, page, pageSize, total);
    }

    /// <summary>Authors of the tenant's items, for the author filter.</summary>
    public async Task<IReadOnlyList<string>> AuthorsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ContentListIndex>().AsNoTracking().Select(r => r.Author).Distinct().OrderBy(a => a)
            .Take(200).ToListAsync(cancellationToken).ConfigureAwait(false);

    private static IQueryable<ContentListIndex> Filter(IQueryable<ContentListIndex> rows, ContentListFilter filter)
    {
        rows = filter.Status switch
        {
            ContentListStatus.Draft => rows.Where(r => r.Status == ContentStatus.Draft || (r.Status == ContentStatus.Published && r.HasDraft)),
            ContentListStatus.Published => rows.Where(r => r.Status == ContentStatus.Published),
            ContentListStatus.Removed => rows.Where(r => r.Status == ContentStatus.Removed),
            _ => rows.Where(r => r.Status != ContentStatus.Removed),
        };
        if (!string.IsNullOrWhiteSpace(filter.ContentType))
        {
            rows = rows.Where(r => r.ContentType == filter.ContentType);
        }

        if (!string.IsNullOrWhiteSpace(filter.Author))
        {
            rows = rows.Where(r => r.Author == filter.Author);
        }

        if (filter.From is { } from)
        {
            var start = StartOfVietnamDay(from);
            rows = rows.Where(r => r.ModifiedUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfVietnamDay(to.AddDays(1));
            rows = rows.Where(r => r.ModifiedUtc < end);
        }

        var search = ContentListIndex.Normalize(filter.Search);
        if (search.Length > MaxSearchLength)
        {
            search = search[..MaxSearchLength];
        }

        foreach (var word in search.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Every word must occur; the column is already folded, so this ignores case and diacritics.
            rows = rows.Where(r => r.NormalizedTitle.Contains(word));
        }

        return rows;
    }

    private static IQueryable<ContentListIndex> Sort(IQueryable<ContentListIndex> rows, ContentListSort sort) => sort switch
    {
        ContentListSort.ModifiedAsc => rows.OrderBy(r => r.ModifiedUtc).ThenBy(r => r.Id),
        ContentListSort.TitleAsc => rows.OrderBy(r => r.NormalizedTitle).ThenBy(r => r.Id),
        ContentListSort.TitleDesc => rows.OrderByDescending(r => r.NormalizedTitle).ThenByDescending(r => r.Id),
        ContentListSort.PublishedDesc => rows.OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id),
        ContentListSort.CreatedDesc => rows.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id),
        _ => rows.OrderByDescending(r => r.ModifiedUtc).ThenByDescending(r => r.Id),
    };

    private static DateTimeOffset StartOfVietnamDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, VietnamTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
