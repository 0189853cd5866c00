using Microsoft.AspNetCore.Mvc;
using Portal.Core;
using Portal.Core.Security;
using Portal.Modules.Contents.Admin;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Models;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Pages.Admin.Contents;

/// <summary>The items of the tenant, by type, with search, filters, sort and paging, from the list index.</summary>
[RequirePermission(nameof(Permissions.EditContent))]
public sealed class IndexModel(ContentListQuery query, ContentAdmin admin) : ContentsPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? ContentType { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public ContentListStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "author")]
    public string? Author { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public ContentListSort Sort { get; set; }

    // "page" is taken by Razor Pages' own route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<ContentListIndex> Items { get; private set; } = new([], 1, ContentListQuery.DefaultPageSize, 0);

    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public IReadOnlyList<string> Authors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Types = await admin.TypesAsync(cancellationToken);
        Authors = await query.AuthorsAsync(cancellationToken);
        Items = await query.ListAsync(new ContentListFilter
        {
            Search = Search,
            ContentType = ContentType,
            Status = Status,
            Author = Author,
            From = From,
            To = To,
            Sort = Sort,
            Page = PageNumber,
        }, cancellationToken);
    }

    public string TypeName(string type) => Types.FirstOrDefault(t => t.Name == type)?.DisplayName ?? type;

    /// <summary>The pager's and the column headers' link to the same filtered list.</summary>
    public string ListUrl(int page, ContentListSort? sort = null) =>
        Url.Page("Index", new
        {
            q = Search,
            type = ContentType,
            status = Status,
            author = Author,
            from = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            to = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            sort = sort ?? Sort,
            p = page,
        })!;

    public static string StatusFilterText(ContentListStatus status) => status switch
    {
        ContentListStatus.Draft => "Bản nháp",
        ContentListStatus.Published => "Đã xuất bản",
        _ => "Đã xoá",
    };

    public static string SortText(ContentListSort sort) => sort switch
    {
        ContentListSort.ModifiedAsc => "Sửa cũ nhất trước",
        ContentListSort.TitleAsc => "Tiêu đề A-Z",
        ContentListSort.TitleDesc => "Tiêu đề Z-A",
        ContentListSort.PublishedDesc => "Xuất bản mới nhất",
        ContentListSort.CreatedDesc => "Tạo mới nhất",
        _ => "Sửa mới nhất trước",
    };
}
