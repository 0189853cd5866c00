using Portal.Core;
using Portal.Modules.Media.Models;

namespace Portal.Modules.Media.Services;

/// <summary>A file to add to the library.</summary>
/// <param name="FileName">The name on the uploader's computer; only its last segment is kept, as data.</param>
/// <param name="Length">The announced length, if known, checked before reading.</param>
public sealed record MediaUpload(string FileName, Stream Content, long? Length = null, long FolderId = MediaFolder.Root, string? Alt = null);

/// <summary>The outcome of a library operation: a value, or a Vietnamese message saying why not.</summary>
public sealed record MediaResult<T>(T? Value, string? Error)
    where T : class
{
    public bool Succeeded => Error is null;
}

public static class MediaResult
{
    public static MediaResult<T> Ok<T>(T value)
        where T : class => new(value, null);

    public static MediaResult<T> Refused<T>(string error)
        where T : class => new(null, error);
}

/// <summary>A search of the library: within a folder (null: everywhere), by words of the name or alt text.</summary>
public sealed record MediaQuery(long? FolderId = null, string? Search = null, int Page = 1, int PageSize = 24, bool ImagesOnly = false);

/// <summary>
/// The current tenant's media library: the published contract other modules (content
/// admin, media fields, rich-text editor) use. Every call is scoped to the current tenant.
/// </summary>
public interface IMediaLibrary
{
    /// <summary>Checks the file by its content, strips and resizes images, stores it and audits <c>media.upload</c>. Nothing is stored on refusal.</summary>
    Task<MediaResult<MediaItem>> UploadAsync(MediaUpload upload, CancellationToken cancellationToken = default);

    /// <summary>Newest first; the search ignores case and diacritics (<c>tai chinh</c> finds <c>Tài chính</c>).</summary>
    Task<PagedResult<MediaItem>> SearchAsync(MediaQuery query, CancellationToken cancellationToken = default);

    Task<MediaItem?> FindAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Updates the alternative text; audited.</summary>
    Task<MediaResult<MediaItem>> SetAltAsync(long id, string? alt, CancellationToken cancellationToken = default);

    /// <summary>Deletes the item and its files; audited.</summary>
    Task<MediaResult<MediaItem>> DeleteAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MediaFolder>> GetFoldersAsync(long parentId, CancellationToken cancellationToken = default);

    /// <summary>The folder and its ancestors, top first (empty for the root, null if it does not exist).</summary>
    Task<IReadOnlyList<MediaFolder>?> GetFolderPathAsync(long folderId, CancellationToken cancellationToken = default);

    Task<MediaResult<MediaFolder>> CreateFolderAsync(long parentId, string? name, CancellationToken cancellationToken = default);

    /// <summary>Deletes an empty folder; audited.</summary>
    Task<MediaResult<MediaFolder>> DeleteFolderAsync(long id, CancellationToken cancellationToken = default);
}
