using System.Net.Mime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Media.Models;
using Portal.Modules.Media.Services;

namespace Portal.Modules.Media.Endpoints;

/// <summary>
/// Serves the library's files to anyone, always resolved against the current tenant's rows:
/// a file of tenant A requested on tenant B's host is 404.
/// </summary>
public static class MediaFileEndpoints
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(MediaUrls.Prefix + "{file}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .AllowAnonymous()
            .WithName("MediaFile");
        return endpoints;
    }

    public static async Task<IResult> ServeAsync(string file, HttpContext context, PortalDbContext db, ICurrentTenant currentTenant, IMediaStorage storage)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        if (currentTenant.Tenant is not { } tenant || !MediaFileNames.TryParse(file, out var storedName, out var width, out var extension))
        {
            return TypedResults.NotFound();
        }

        var item = await db.Set<MediaItem>().AsNoTracking().FirstOrDefaultAsync(i => i.StoredName == storedName, cancellationToken);
        if (item is null || item.Extension != extension || (width is not null && item.Variants.All(v => v.Width != width)) ||
            MediaTypes.FindByExtension(item.Extension) is not { } type)
        {
            return TypedResults.NotFound();
        }

        var stream = await storage.OpenReadAsync(tenant.Id, file, cancellationToken);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.XContentTypeOptions = "nosniff";
        if (type != MediaTypes.Pdf)
        {
            // Opened directly, a file is never a document that runs anything. (A sandboxed
            // PDF would not render in Chromium's viewer, and PDF.js runs no document script.)
            headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        }

        var disposition = new ContentDispositionHeaderValue(type.Inline ? DispositionTypeNames.Inline : DispositionTypeNames.Attachment);
        disposition.SetHttpFileName(width is null ? item.OriginalFileName : $"{Path.GetFileNameWithoutExtension(item.OriginalFileName)}-{width}w.{item.Extension}");
        headers.ContentDisposition = disposition.ToString();
        return TypedResults.Stream(stream, item.ContentType, lastModified: item.UploadedUtc,
            entityTag: new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(file)}\""), enableRangeProcessing: true);
    }
}
