using Portal.Core.Tenancy;

namespace Portal.Modules.Media.Models;

/// <summary>
/// A file of a tenant's media library. Its files are kept under generated names
/// (<see cref="StoredName"/>); the uploader's file name is data, never a path.
/// </summary>
public sealed class MediaItem : ITenantOwned
{
    /// <summary>Length of <see cref="StoredName"/>: 32 hex characters of a version 7 GUID.</summary>
    public const int StoredNameLength = 32;

    public long Id { get; set; }

    public string TenantId { get; set; } = "";

    /// <summary>The folder (<see cref="MediaFolder.Id"/>), or <see cref="MediaFolder.Root"/>.</summary>
    public long FolderId { get; set; }

    /// <summary>The name the file had on the uploader's computer (NFC, no path).</summary>
    public string OriginalFileName { get; set; } = "";

    /// <summary>Generated, never reused: the file is <c>{StoredName}.{Extension}</c>, variants <c>{StoredName}-{width}w.{Extension}</c>.</summary>
    public string StoredName { get; set; } = "";

    /// <summary>Canonical extension of the detected type, without the dot (<c>jpg</c>, <c>pdf</c>...).</summary>
    public string Extension { get; set; } = "";

    public string ContentType { get; set; } = "";

    /// <summary>Size in bytes of the stored file (after metadata was stripped from an image).</summary>
    public long Size { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>Resized copies of an image, narrowest first; empty for other files.</summary>
    public List<MediaVariant> Variants { get; set; } = [];

    /// <summary>Alternative text of an image (accessibility), editable.</summary>
    public string Alt { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedUtc { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the uploaded bytes, before any processing.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>File name and alt text folded (no diacritics, lower case), for search.</summary>
    public string SearchText { get; set; } = "";

    public bool IsImage => Width is not null;

    /// <summary>The stored file's name: <c>{StoredName}.{Extension}</c>.</summary>
    public string FileName => $"{StoredName}.{Extension}";

    public string VariantFileName(MediaVariant variant) => $"{StoredName}-{variant.Width}w.{Extension}";
}

/// <summary>A resized copy of an image.</summary>
public sealed record MediaVariant(int Width, int Height, long Size);
