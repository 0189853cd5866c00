using Microsoft.EntityFrameworkCore;

namespace Portal.Core;

/// <summary>What a pager needs to know of a page, whatever its rows.</summary>
public interface IPagedResult
{
    int Page { get; }
    int PageSize { get; }
    int TotalCount { get; }
    int PageCount { get; }
    bool HasPrevious { get; }
    bool HasNext { get; }
}

/// <summary>One page of a longer list, with what a pager needs.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount) : IPagedResult
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    /// <summary>The same page with each row turned into another (a view row).</summary>
    public PagedResult<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Page, PageSize, TotalCount);
}

public static class Paging
{
    public const int DefaultPageSize = 20;

    /// <summary>Clamps a requested page number into 1..pages of <paramref name="totalCount"/>.</summary>
    public static int ClampPage(int page, int pageSize, int totalCount) =>
        Math.Clamp(page, 1, Math.Max(1, (totalCount + pageSize - 1) / pageSize));

    /// <summary>One page of an in-memory list (already filtered and ordered).</summary>
    public static PagedResult<T> ToPagedResult<T>(this IReadOnlyCollection<T> items, int page, int pageSize = DefaultPageSize)
    {
        page = ClampPage(page, pageSize, items.Count);
        return new PagedResult<T>([.. items.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, items.Count);
    }

    /// <summary>One page of an ordered query: a COUNT, then the page's rows; a page past the end shows the last.</summary>
    public static async Task<PagedResult<T>> ToPagedResultAsync<T>(this IQueryable<T> query, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        page = ClampPage(page, pageSize, total);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<T>(items, page, pageSize, total);
    }
}
