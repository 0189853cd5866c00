using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Admin;
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
    [BindProperty(SupportsGet = true, Name = "")]
    public ContentListQueryString Query { get; set; } = new();

    public PagedResult<ContentListIndex> Items { get; private set; } = new([], 1, ContentListQuery.DefaultPageSize, 0);

    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public IReadOnlyList<string> Authors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Types = await admin.TypesAsync(cancellationToken);
        Authors = await query.AuthorsAsync(cancellationToken);
        Items = await query.ListAsync(new ContentListFilter
        {
            Search = Query.SearchText,
            ContentType = Query.ContentType,
            Status = Query.Status,
            Author = Query.Author,
            From = Query.From,
            To = Query.To,
            Sort = Query.Sort,
            Page = Query.Page,
        }, cancellationToken);
    }

    public string TypeName(string type) => Types.FirstOrDefault(t => t.Name == type)?.DisplayName ?? type;

    /// <summary>The column headers' link to the same filtered list in another order.</summary>
    public string SortUrl(ContentListSort sort) => Url.Page("Index", Query.WithSort(sort).ToRouteValues(1))!;

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

/// <summary>The content list's address: search and page (the admin kit's), type, status, author, date range, sort.</summary>
public sealed class ContentListQueryString : ListQuery
{
    [FromQuery(Name = "type")]
    public string? ContentType { get; set; }

    [FromQuery(Name = "status")]
    public ContentListStatus? Status { get; set; }

    [FromQuery(Name = "author")]
    public string? Author { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "sort")]
    public ContentListSort Sort { get; set; }

    public ContentListQueryString WithSort(ContentListSort sort) => new()
    {
        Search = Search, ContentType = ContentType, Status = Status, Author = Author, From = From, To = To, Sort = sort,
    };

    protected override void AddFilters(RouteValueDictionary values)
    {
        Add(values, "type", ContentType);
        Add(values, "status", Status?.ToString());
        Add(values, "author", Author);
        Add(values, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(values, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(values, "sort", Sort == default ? null : Sort.ToString());
    }

    private static void Add(RouteValueDictionary values, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values[key] = value;
        }
    }
}
