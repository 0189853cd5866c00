namespace Portal.Modules.Media;

/// <summary>Settings under <c>Portal:Media</c>.</summary>
public sealed class MediaOptions
{
    public const string Section = "Portal:Media";

    /// <summary>Largest accepted file, in bytes (default 20 MB).</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// Root folder of the local-disk storage; empty: <c>media/</c> in the local data folder
    /// (<see cref="Portal.Core.PortalPaths.DataFolder"/>). Each tenant's files are in <c>&lt;root&gt;/&lt;tenant id&gt;/</c>.
    /// </summary>
    public string? StoragePath { get; set; }

    /// <summary>Widths of the resized copies made of an image (only those narrower than the image).</summary>
    public int[] VariantWidths { get; set; } = [320, 640, 1024, 1600];

    /// <summary>Uploads allowed per user and tenant per minute.</summary>
    public int UploadsPerMinute { get; set; } = 60;
}
