using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Portal.Core;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Feeds.Services;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Taxonomies.Abstractions;

namespace Portal.Modules.Feeds.Endpoints;

/// <summary>
/// The read-only public JSON API of a site (TT 22/2023: other state systems reuse the data):
/// published items of the host's tenant only, by list (type, category, paging), id or path. Any
/// origin may read it (CORS, GET only); described by <c>/openapi/v1.json</c>.
/// </summary>
internal static class PublicApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const int MaxPageSize = 100;

    private const string Tag = "Nội dung công khai";

    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix + "/contents").AllowAnonymous().WithTags(Tag).AddEndpointFilter(AllowAnyOrigin);
        api.MapGet("", ListAsync)
            .WithName("ListContents")
            .WithSummary("Danh sách nội dung đã xuất bản")
            .WithDescription("Các nội dung đã xuất bản của trang, mới nhất trước; lọc theo kiểu nội dung và chuyên mục, phân trang (tối đa 100 mục một trang).");
        api.MapGet("/{id}", GetAsync)
            .WithName("GetContent")
            .WithSummary("Một nội dung đã xuất bản, theo mã")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/by-path/{**path}", GetByPathAsync)
            .WithName("GetContentByPath")
            .WithSummary("Một nội dung đã xuất bản, theo đường dẫn")
            .WithDescription("Đường dẫn công khai của nội dung, không có dấu / ở đầu, ví dụ tin-tuc/hoi-nghi-tong-ket-nam-2025.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        // Browsers ask before a cross-origin request with extra headers: allow GET from anywhere.
        endpoints.MapMethods(Prefix + "/{**rest}", [HttpMethods.Options], Preflight).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<Ok<PublicContentPage>, ValidationProblem>> ListAsync(
        HttpContext context, IPublicContentQuery query, IContentDefinitionStore definitions, ITaxonomyService taxonomies,
        [FromQuery] string? type = null, [FromQuery] string? category = null, [FromQuery] string? page = null, [FromQuery] string? pageSize = null)
    {
        var cancellationToken = context.RequestAborted;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pageNumber = Whole(page, "page", 1, int.MaxValue, 1, "Số trang phải là số nguyên từ 1 trở lên.", errors);
        var size = Whole(pageSize, "pageSize", 1, MaxPageSize, Paging.DefaultPageSize, $"Số mục một trang phải là số nguyên từ 1 đến {MaxPageSize}.", errors);
        string? contentType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            var types = await definitions.ListAsync(cancellationToken);
            contentType = types.FirstOrDefault(t => string.Equals(t.Name, type.Trim(), StringComparison.OrdinalIgnoreCase))?.Name;
            if (contentType is null)
            {
                errors["type"] = [$"Kiểu nội dung '{type.Trim()}' không tồn tại. Các kiểu có thể dùng: {string.Join(", ", types.Select(t => t.Name))}."];
            }
        }

        string? termId = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            termId = (await taxonomies.FindBySlugAsync(TaxonomyNames.Categories, category.Trim(), cancellationToken))?.Id;
            if (termId is null)
            {
                errors["category"] = [$"Chuyên mục '{category.Trim()}' không tồn tại."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ", detail: "Một hoặc nhiều tham số của yêu cầu không hợp lệ.");
        }

        var result = await query.ListAsync(new PublicListQuery(ContentType: contentType, TermId: termId, Page: pageNumber, PageSize: size), cancellationToken);
        var site = SiteAddress.Of(context.Request);
        // The query shows the last page for a page past the end; an API client paging on expects an empty one.
        var items = result.Page == pageNumber ? result.Items.Select(i => Summary(i, site)).ToList() : [];
        return TypedResults.Ok(new PublicContentPage(pageNumber, size, result.TotalCount, result.PageCount, items));
    }

    private static async Task<Results<Ok<PublicContentDetail>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, IPublicContentQuery query, ITaxonomyService taxonomies) =>
        await DetailAsync(await query.GetPublishedAsync(id, context.RequestAborted), context, query, taxonomies);

    private static async Task<Results<Ok<PublicContentDetail>, ProblemHttpResult>> GetByPathAsync(
        string path, HttpContext context, IPublicContentQuery query, ITaxonomyService taxonomies) =>
        await DetailAsync(await query.GetPublishedByPathAsync(path.Trim('/'), context.RequestAborted), context, query, taxonomies);

    private static async Task<Results<Ok<PublicContentDetail>, ProblemHttpResult>> DetailAsync(
        ContentItem? item, HttpContext context, IPublicContentQuery query, ITaxonomyService taxonomies)
    {
        var cancellationToken = context.RequestAborted;
        var summary = item is null ? null : await query.GetSummariesAsync([item.ContentItemId], cancellationToken) is [var found, ..] ? found : null;
        if (item is null || summary is null)
        {
            return TypedResults.Problem(
                title: "Không tìm thấy nội dung",
                detail: "Nội dung không tồn tại, chưa được xuất bản hoặc không thuộc trang này.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var site = SiteAddress.Of(context.Request);
        var brief = Summary(summary, site);
        return TypedResults.Ok(new PublicContentDetail(
            brief.Id, brief.Type, brief.Title, brief.Path, brief.Url, brief.Summary, brief.Image, brief.Featured, brief.Culture,
            brief.PublishedAt, brief.ModifiedAt,
            item.As<BodyPart>()?.Html,
            await TermsAsync(item, "Categories", taxonomies, site, cancellationToken),
            await TermsAsync(item, "Tags", taxonomies, site, cancellationToken)));
    }

    private static PublicContentSummary Summary(PublicItemSummary item, SiteAddress site) => new(
        item.ContentItemId,
        item.ContentType,
        item.Title,
        item.Path,
        item.Path is null ? null : site.Page(item.Path),
        item.Summary,
        site.Media(item.ImagePath) is { } image ? new PublicImage(image, item.ImageAlt) : null,
        item.Featured,
        item.Culture,
        FeedFormats.InVietnam(item.PublishedUtc),
        FeedFormats.InVietnam(item.ModifiedUtc));

    private static async Task<IReadOnlyList<PublicTerm>> TermsAsync(
        ContentItem item, string field, ITaxonomyService taxonomies, SiteAddress site, CancellationToken cancellationToken)
    {
        var terms = new List<PublicTerm>();
        foreach (var term in item.Field<TaxonomyField>(field)?.Terms ?? [])
        {
            var known = term.Id is null ? null : await taxonomies.FindByIdAsync(term.Id, cancellationToken);
            var url = known is { Taxonomy: TaxonomyNames.Categories } ? site.Page("chuyen-muc/" + known.Slug) : null;
            terms.Add(new PublicTerm(term.Id, known?.Name ?? term.Name ?? "", known?.Slug, url));
        }

        return terms;
    }

    private static int Whole(string? value, string name, int min, int max, int fallback, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[name] = [message];
        return fallback;
    }

    private static async ValueTask<object?> AllowAnyOrigin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
        return await next(context);
    }

    private static IResult Preflight(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlAllowMethods = "GET, HEAD, OPTIONS";
        headers.AccessControlAllowHeaders = "Accept, Accept-Language, Content-Type";
        headers.AccessControlMaxAge = "86400";
        return TypedResults.NoContent();
    }
}
