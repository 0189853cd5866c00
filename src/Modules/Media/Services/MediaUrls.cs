using Microsoft.AspNetCore.Http;
using Portal.Modules.Media.Models;

namespace Portal.Modules.Media.Services;

/// <summary>
/// Public URLs of media files: <c>{PathBase}/media/{stored name}[-{width}w].{ext}</c>. A stored
/// name is never reused and a stored file never changes, so the URLs are immutable.
/// </summary>
public static class MediaUrls
{
    public const string Prefix = "/media/";

    public static string Of(MediaItem item, PathString pathBase) => pathBase + Prefix + item.FileName;

    public static string Of(MediaItem item, MediaVariant variant, PathString pathBase) => pathBase + Prefix + item.VariantFileName(variant);

    /// <summary>The <c>srcset</c> of an image: its variants and the image itself, by width; null for other files.</summary>
    public static string? SrcSet(MediaItem item, PathString pathBase) =>
        item.Width is { } width
            ? string.Join(", ", item.Variants.Select(v => $"{Of(item, v, pathBase)} {v.Width}w").Append($"{Of(item, pathBase)} {width}w"))
            : null;

    /// <summary>A small image for lists: the narrowest variant, else the image; null for other files.</summary>
    public static string? Thumbnail(MediaItem item, PathString pathBase) =>
        !item.IsImage ? null : item.Variants.Count > 0 ? Of(item, item.Variants[0], pathBase) : Of(item, pathBase);
}

/// <summary>A media item as the JSON API returns it (picker, media fields, rich-text editor).</summary>
public sealed record MediaItemDto(
    long Id,
    string Url,
    string Name,
    string Alt,
    string ContentType,
    bool IsImage,
    long Size,
    string SizeText,
    int? Width,
    int? Height,
    string? Srcset,
    string? ThumbnailUrl,
    IReadOnlyList<MediaVariantDto> Variants,
    long FolderId,
    string UploadedBy,
    DateTimeOffset UploadedUtc)
{
    public static MediaItemDto From(MediaItem item, PathString pathBase)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(
            item.Id,
            MediaUrls.Of(item, pathBase),
            item.OriginalFileName,
            item.Alt,
            item.ContentType,
            item.IsImage,
            item.Size,
            MediaSizes.Format(item.Size),
            item.Width,
            item.Height,
            MediaUrls.SrcSet(item, pathBase),
            MediaUrls.Thumbnail(item, pathBase),
            item.Variants.Select(v => new MediaVariantDto(MediaUrls.Of(item, v, pathBase), v.Width, v.Height)).ToList(),
            item.FolderId,
            item.UploadedBy,
            item.UploadedUtc);
    }
}

public sealed record MediaVariantDto(string Url, int Width, int Height);

public sealed record MediaFolderDto(long Id, string Name, long ParentId)
{
    public static MediaFolderDto From(MediaFolder folder) => new(folder.Id, folder.Name, folder.ParentId);
}
