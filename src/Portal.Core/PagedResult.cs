namespace Portal.Core;

/// <summary>One page of a longer list, with what a pager needs.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

public static class Paging
{
    /// <summary>Clamps a requested page number into 1..pages of <paramref name="totalCount"/>.</summary>
    public static int ClampPage(int page, int pageSize, int totalCount) =>
        Math.Clamp(page, 1, Math.Max(1, (totalCount + pageSize - 1) / pageSize));
}
