using ImageMagick;

namespace Portal.Modules.Media.Services;

/// <summary>An image ready to store: re-encoded without metadata, with its resized copies.</summary>
public sealed record ProcessedImage(byte[] Content, int Width, int Height, IReadOnlyList<ProcessedVariant> Variants);

public sealed record ProcessedVariant(int Width, int Height, byte[] Content);

/// <summary>
/// Strips an uploaded image of its metadata (EXIF with GPS position, XMP, IPTC, comments),
/// turns it upright from its EXIF orientation first, and makes narrower copies for
/// <c>srcset</c>. The format is given to ImageMagick explicitly (from the detected type),
/// so it never guesses a coder from the content.
/// </summary>
public sealed class ImageProcessor
{
    private const int VariantQuality = 82;

    static ImageProcessor()
    {
        // Refuse decompression bombs before they take the memory of the process.
        ResourceLimits.Width = 20_000;
        ResourceLimits.Height = 20_000;
        ResourceLimits.Area = 200_000_000;
    }

    /// <summary>Processes <paramref name="content"/> (already detected as <paramref name="type"/>); throws <see cref="MagickException"/> if it cannot be decoded.</summary>
    public ProcessedImage Process(byte[] content, MediaType type, IReadOnlyList<int> variantWidths)
    {
        ArgumentNullException.ThrowIfNull(type);
        var format = FormatOf(type);
        var settings = new MagickReadSettings { Format = format };
        if (type == MediaTypes.Gif)
        {
            return ProcessAnimation(content, settings);
        }

        using var image = new MagickImage(content, settings);
        image.AutoOrient();
        image.Strip();
        var stored = image.ToByteArray(format);
        var width = (int)image.Width;
        var height = (int)image.Height;

        var variants = new List<ProcessedVariant>();
        foreach (var target in variantWidths.Where(w => w > 0 && w < width).Distinct().Order())
        {
            using var copy = image.Clone();
            copy.Resize(new MagickGeometry((uint)target, 0));
            if (format is MagickFormat.Jpeg or MagickFormat.WebP)
            {
                copy.Quality = VariantQuality;
            }

            variants.Add(new ProcessedVariant((int)copy.Width, (int)copy.Height, copy.ToByteArray(format)));
        }

        return new ProcessedImage(stored, width, height, variants);
    }

    // A GIF may be animated: every frame is stripped; no resized copies (resizing an
    // animation well needs coalescing and grows the file).
    private static ProcessedImage ProcessAnimation(byte[] content, MagickReadSettings settings)
    {
        using var frames = new MagickImageCollection(content, settings);
        foreach (var frame in frames)
        {
            frame.Strip();
        }

        return new ProcessedImage(frames.ToByteArray(MagickFormat.Gif), (int)frames[0].Width, (int)frames[0].Height, []);
    }

    private static MagickFormat FormatOf(MediaType type) =>
        type == MediaTypes.Jpeg ? MagickFormat.Jpeg
        : type == MediaTypes.Png ? MagickFormat.Png
        : type == MediaTypes.Gif ? MagickFormat.Gif
        : type == MediaTypes.WebP ? MagickFormat.WebP
        : throw new ArgumentException($"Not an image type: {type.Extension}", nameof(type));
}
