using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ImageMagick;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Modules.Media.Models;

namespace Portal.Modules.Media.Services;

public sealed class MediaLibrary(
    PortalDbContext db,
    ICurrentTenant currentTenant,
    IMediaStorage storage,
    ImageProcessor images,
    IAuditLog audit,
    IActorAccessor actor,
    TimeProvider clock,
    IOptions<MediaOptions> options,
    ILogger<MediaLibrary> logger) : IMediaLibrary
{
    public const int AltMaxLength = 512;

    private readonly MediaOptions _options = options.Value;

    private string TenantId => currentTenant.Tenant?.Id ?? throw new InvalidOperationException("The media library needs a current tenant.");

    public async Task<MediaResult<MediaItem>> UploadAsync(MediaUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var fileName = CleanFileName(upload.FileName);
        if (fileName.Length == 0)
        {
            return MediaResult.Refused<MediaItem>("Tệp không có tên.");
        }

        var tooLarge = $"Tệp quá lớn: giới hạn là {MediaSizes.Format(_options.MaxFileBytes)}.";
        if (upload.Length > _options.MaxFileBytes)
        {
            return MediaResult.Refused<MediaItem>(tooLarge);
        }

        var content = await ReadAtMostAsync(upload.Content, _options.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return MediaResult.Refused<MediaItem>(tooLarge);
        }

        var detection = MediaTypeDetector.Detect(content, fileName);
        if (detection.Type is not { } type)
        {
            return MediaResult.Refused<MediaItem>(detection.Error!);
        }

        if (upload.FolderId != MediaFolder.Root && !await db.Set<MediaFolder>().AnyAsync(f => f.Id == upload.FolderId, cancellationToken).ConfigureAwait(false))
        {
            return MediaResult.Refused<MediaItem>("Thư mục không tồn tại.");
        }

        var item = new MediaItem
        {
            FolderId = upload.FolderId,
            OriginalFileName = fileName,
            StoredName = MediaFileNames.NewStoredName(),
            Extension = type.Extension,
            ContentType = type.ContentType,
            Alt = CleanAlt(upload.Alt),
            UploadedBy = actor.Actor,
            UploadedUtc = clock.GetUtcNow(),
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
        item.SearchText = SearchTextOf(item);

        var files = new List<(string Name, byte[] Bytes)>();
        if (type.IsImage)
        {
            ProcessedImage processed;
            try
            {
                processed = images.Process(content, type, _options.VariantWidths);
            }
            catch (MagickException e)
            {
                logger.LogInformation(e, "Refused an image that could not be decoded ({FileName}).", fileName);
                return MediaResult.Refused<MediaItem>($"Không đọc được ảnh: tệp bị hỏng hoặc quá lớn (tối đa 20.000 điểm ảnh mỗi chiều).");
            }

            item.Width = processed.Width;
            item.Height = processed.Height;
            item.Size = processed.Content.LongLength;
            item.Variants = processed.Variants.Select(v => new MediaVariant(v.Width, v.Height, v.Content.LongLength)).ToList();
            files.Add((item.FileName, processed.Content));
            files.AddRange(processed.Variants.Select((v, i) => (item.VariantFileName(item.Variants[i]), v.Content)));
        }
        else
        {
            item.Size = content.LongLength;
            files.Add((item.FileName, content));
        }

        var tenantId = TenantId;
        try
        {
            foreach (var (name, bytes) in files)
            {
                await storage.SaveAsync(tenantId, name, bytes, cancellationToken).ConfigureAwait(false);
            }

            db.Set<MediaItem>().Add(item);
            audit.Add("media.upload", item.FileName, $"{item.OriginalFileName} ({item.ContentType}, {item.Size} byte)");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing half-stored: the files go if the row could not be written.
            await DeleteFilesAsync(tenantId, files.Select(f => f.Name)).ConfigureAwait(false);
            throw;
        }

        return MediaResult.Ok(item);
    }

    public async Task<PagedResult<MediaItem>> SearchAsync(MediaQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var items = db.Set<MediaItem>().AsNoTracking();
        if (query.FolderId is { } folderId)
        {
            items = items.Where(i => i.FolderId == folderId);
        }

        if (query.ImagesOnly)
        {
            items = items.Where(i => i.Width != null);
        }

        foreach (var word in Words(query.Search))
        {
            items = items.Where(i => i.SearchText.Contains(word));
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var total = await items.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = Paging.ClampPage(query.Page, pageSize, total);
        var rows = await items.OrderByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<MediaItem>(rows, page, pageSize, total);
    }

    public Task<MediaItem?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.Set<MediaItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<MediaResult<MediaItem>> SetAltAsync(long id, string? alt, CancellationToken cancellationToken = default)
    {
        var item = await db.Set<MediaItem>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return MediaResult.Refused<MediaItem>("Không tìm thấy tệp.");
        }

        item.Alt = CleanAlt(alt);
        item.SearchText = SearchTextOf(item);
        audit.Add("media.alt", item.FileName, item.Alt);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return MediaResult.Ok(item);
    }

    public async Task<MediaResult<MediaItem>> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        var item = await db.Set<MediaItem>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return MediaResult.Refused<MediaItem>("Không tìm thấy tệp.");
        }

        db.Remove(item);
        audit.Add("media.delete", item.FileName, item.OriginalFileName);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        // After the row: a file without a row is never served; a row without its file would be.
        await DeleteFilesAsync(TenantId, [item.FileName, .. item.Variants.Select(item.VariantFileName)]).ConfigureAwait(false);
        return MediaResult.Ok(item);
    }

    public async Task<IReadOnlyList<MediaFolder>> GetFoldersAsync(long parentId, CancellationToken cancellationToken = default)
    {
        var folders = await db.Set<MediaFolder>().AsNoTracking().Where(f => f.ParentId == parentId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return folders.OrderBy(f => f.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true)).ToList();
    }

    public async Task<IReadOnlyList<MediaFolder>?> GetFolderPathAsync(long folderId, CancellationToken cancellationToken = default)
    {
        var path = new List<MediaFolder>();
        var seen = new HashSet<long>();
        for (var id = folderId; id != MediaFolder.Root && seen.Add(id);)
        {
            var folder = await db.Set<MediaFolder>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken).ConfigureAwait(false);
            if (folder is null)
            {
                return null;
            }

            path.Insert(0, folder);
            id = folder.ParentId;
        }

        return path;
    }

    public async Task<MediaResult<MediaFolder>> CreateFolderAsync(long parentId, string? name, CancellationToken cancellationToken = default)
    {
        var clean = (name ?? "").Normalize(NormalizationForm.FormC).Trim();
        if (clean.Length == 0)
        {
            return MediaResult.Refused<MediaFolder>("Vui lòng nhập tên thư mục.");
        }

        if (clean.Length > MediaFolder.NameMaxLength || clean.Any(char.IsControl))
        {
            return MediaResult.Refused<MediaFolder>($"Tên thư mục tối đa {MediaFolder.NameMaxLength} ký tự, không chứa ký tự điều khiển.");
        }

        if (parentId != MediaFolder.Root && !await db.Set<MediaFolder>().AnyAsync(f => f.Id == parentId, cancellationToken).ConfigureAwait(false))
        {
            return MediaResult.Refused<MediaFolder>("Thư mục cha không tồn tại.");
        }

        if (await db.Set<MediaFolder>().AnyAsync(f => f.ParentId == parentId && f.Name == clean, cancellationToken).ConfigureAwait(false))
        {
            return MediaResult.Refused<MediaFolder>($"Đã có thư mục \"{clean}\" ở đây.");
        }

        var folder = new MediaFolder { ParentId = parentId, Name = clean, CreatedUtc = clock.GetUtcNow() };
        db.Set<MediaFolder>().Add(folder);
        audit.Add("media.folder.create", clean);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return MediaResult.Ok(folder);
    }

    public async Task<MediaResult<MediaFolder>> DeleteFolderAsync(long id, CancellationToken cancellationToken = default)
    {
        var folder = await db.Set<MediaFolder>().FirstOrDefaultAsync(f => f.Id == id, cancellationToken).ConfigureAwait(false);
        if (folder is null)
        {
            return MediaResult.Refused<MediaFolder>("Không tìm thấy thư mục.");
        }

        if (await db.Set<MediaItem>().AnyAsync(i => i.FolderId == id, cancellationToken).ConfigureAwait(false) ||
            await db.Set<MediaFolder>().AnyAsync(f => f.ParentId == id, cancellationToken).ConfigureAwait(false))
        {
            return MediaResult.Refused<MediaFolder>($"Thư mục \"{folder.Name}\" chưa trống: hãy xóa hoặc chuyển các tệp và thư mục con trước.");
        }

        db.Remove(folder);
        audit.Add("media.folder.delete", folder.Name);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return MediaResult.Ok(folder);
    }

    /// <summary>Lower case, without diacritics, so that <c>tai chinh</c> finds <c>Tài chính</c> with a plain substring test in any database.</summary>
    public static string Fold(string text) => VietnameseText.RemoveDiacritics(text).ToLowerInvariant();

    private static IEnumerable<string> Words(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : Fold(search).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8);

    private static string SearchTextOf(MediaItem item)
    {
        var text = Fold($"{item.OriginalFileName} {item.Alt}");
        return text.Length > 1024 ? text[..1024] : text;
    }

    /// <summary>The last segment of the uploader's file name (either separator), NFC, without control characters.</summary>
    internal static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Normalize(NormalizationForm.FormC).Trim();
        if (name.Length > 255)
        {
            var extension = Path.GetExtension(name);
            name = name[..(255 - extension.Length)] + extension;
        }

        return name;
    }

    private static string CleanAlt(string? alt)
    {
        var text = new string((alt ?? "").Where(c => !char.IsControl(c)).ToArray()).Normalize(NormalizationForm.FormC).Trim();
        return text.Length > AltMaxLength ? text[..AltMaxLength] : text;
    }

    /// <summary>The whole stream, or null as soon as it exceeds <paramref name="max"/> bytes (an announced length may lie).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private async Task DeleteFilesAsync(string tenantId, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            try
            {
                await storage.DeleteAsync(tenantId, name, CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not delete media file {FileName} of tenant {TenantId}.", name, tenantId);
            }
        }
    }
}
