using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Portal.Modules.Media.Models;
using Portal.Modules.Media.Services;

namespace Portal.Modules.Media.Endpoints;

/// <summary>
/// The JSON API of the library, used by its admin page, the picker, media fields and the
/// rich-text editor of the content admin (documented in docs/architecture.md, "Media"):
/// <list type="bullet">
/// <item><c>GET /admin/media/api/list?folder=&amp;q=&amp;page=&amp;images=</c> (ViewMedia)</item>
/// <item><c>GET /admin/media/api/items/{id}</c> (ViewMedia)</item>
/// <item><c>POST /admin/media/api/upload</c>, multipart <c>files</c> (one or more), <c>folder</c>, <c>alt</c>;
/// antiforgery token in the <c>RequestVerificationToken</c> header or form field (UploadMedia, rate-limited)</item>
/// </list>
/// </summary>
public static class MediaApiEndpoints
{
    public const string BasePath = "/admin/media/api";
    public const string UploadRateLimit = "media-upload";
    public const int PageSize = 24;

    // Room for the multipart framing and the other form fields around the file.
    private const long FormOverheadBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(BasePath).RequireAuthorization(Permissions.ViewMedia.PolicyName);
        api.MapGet("/list", ListAsync);
        api.MapGet("/items/{id:long}", GetAsync);
        api.MapPost("/upload", UploadAsync)
            .RequireAuthorization(Permissions.UploadMedia.PolicyName)
            .RequireRateLimiting(UploadRateLimit)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .DisableRequestTimeout();
        return endpoints;
    }

    public sealed record ListResponse(
        MediaFolderDto? Folder,
        IReadOnlyList<MediaFolderDto> Path,
        IReadOnlyList<MediaFolderDto> Folders,
        IReadOnlyList<MediaItemDto> Items,
        int Page,
        int PageCount,
        int TotalCount);

    public sealed record UploadOutcome(string FileName, bool Ok, MediaItemDto? Item, string? Error);

    public sealed record UploadResponse(IReadOnlyList<UploadOutcome> Results);

    /// <summary>
    /// A page of the library. <c>folder</c>: a folder id (omitted or 0: the top level); with
    /// <c>q</c> and no <c>folder</c>, the whole library is searched. <c>images=true</c>: images only.
    /// </summary>
    public static async Task<Results<Ok<ListResponse>, NotFound>> ListAsync(HttpContext context, IMediaLibrary library, long? folder, string? q, int? page, bool? images)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var folderId = folder ?? MediaFolder.Root;
        var path = await library.GetFolderPathAsync(folderId, cancellationToken);
        if (path is null)
        {
            return TypedResults.NotFound();
        }

        var searchEverywhere = folder is null && !string.IsNullOrWhiteSpace(q);
        var result = await library.SearchAsync(new MediaQuery(searchEverywhere ? null : folderId, q, page ?? 1, PageSize, images == true), cancellationToken);
        var folders = searchEverywhere ? [] : await library.GetFoldersAsync(folderId, cancellationToken);
        var pathBase = context.Request.PathBase;
        return TypedResults.Ok(new ListResponse(
            path.Count > 0 ? MediaFolderDto.From(path[^1]) : null,
            path.Select(MediaFolderDto.From).ToList(),
            folders.Select(MediaFolderDto.From).ToList(),
            result.Items.Select(i => MediaItemDto.From(i, pathBase)).ToList(),
            result.Page,
            result.PageCount,
            result.TotalCount));
    }

    public static async Task<Results<Ok<MediaItemDto>, NotFound>> GetAsync(long id, HttpContext context, IMediaLibrary library)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await library.FindAsync(id, context.RequestAborted) is { } item
            ? TypedResults.Ok(MediaItemDto.From(item, context.Request.PathBase))
            : TypedResults.NotFound();
    }

    /// <summary>Stores each file of the form that passes the checks; 200 if any was stored, else 400, 413 when the request is too large.</summary>
    public static async Task<IResult> UploadAsync(HttpContext context, IMediaLibrary library, IOptions<MediaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var maxBody = options.Value.MaxFileBytes + FormOverheadBytes;
        var tooLarge = TypedResults.Json(
            new UploadResponse([new UploadOutcome("", false, null, $"Tệp quá lớn: giới hạn là {MediaSizes.Format(options.Value.MaxFileBytes)}.")]),
            statusCode: StatusCodes.Status413PayloadTooLarge);
        if (request.ContentLength > maxBody)
        {
            return tooLarge;
        }

        // The antiforgery middleware records its verdict; a form read after a failed check throws.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            return TypedResults.BadRequest(new UploadResponse([new UploadOutcome("", false, null, "Phiên làm việc không hợp lệ hoặc đã hết hạn. Hãy tải lại trang rồi thử lại.")]));
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.BadRequest(new UploadResponse([new UploadOutcome("", false, null, "Yêu cầu không chứa tệp.")]));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxBody;
        }

        IFormCollection form;
        try
        {
            // The antiforgery check may already have read the form (token in a form field).
            if (context.Features.Get<IFormFeature>()?.Form is null)
            {
                context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = maxBody }));
            }

            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return tooLarge;
        }

        if (form.Files.Count == 0)
        {
            return TypedResults.BadRequest(new UploadResponse([new UploadOutcome("", false, null, "Chưa chọn tệp nào.")]));
        }

        _ = long.TryParse(form["folder"], out var folderId);
        var results = new List<UploadOutcome>();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
            var result = await library.UploadAsync(new MediaUpload(file.FileName, stream, file.Length, folderId, form["alt"]), context.RequestAborted);
            results.Add(new UploadOutcome(
                MediaLibrary.CleanFileName(file.FileName),
                result.Succeeded,
                result.Value is { } item ? MediaItemDto.From(item, request.PathBase) : null,
                result.Error));
        }

        var response = new UploadResponse(results);
        return results.Any(r => r.Ok) ? TypedResults.Ok(response) : TypedResults.BadRequest(response);
    }
}
