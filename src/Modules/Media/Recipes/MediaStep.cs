using System.Globalization;
using ImageMagick;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Modules.Media.Models;
using Portal.Modules.Media.Services;

namespace Portal.Modules.Media.Recipes;

/// <summary>
/// <c>{"name":"media","images":[{"fileName":"hoi-nghi.jpg","folder":"Ảnh tin bài","alt":"...","width":1200,"height":800,"from":"#a31d1d","to":"#f0c419"}]}</c>:
/// adds generated placeholder images (a gradient, made with Magick.NET; nothing is
/// downloaded) to the library, through the same checks as an upload. An image whose file
/// name is already in its folder is left alone, so the step can run again. Each image's
/// address is published to the later steps of the run as <c>{{media.hoi-nghi.jpg}}</c>
/// (an article's image field or an <c>&lt;img src&gt;</c> in its body).
/// </summary>
public sealed class MediaStep : RecipeStep<MediaStep.Body>
{
    private const int MaxSide = 4000;

    public sealed record Body(IReadOnlyList<Image> Images);

    public sealed record Image(string FileName, int Width, int Height, string? Folder = null, string? Alt = null, string? From = null, string? To = null);

    public override string Name => "media";

    /// <summary>The run variable that holds an image's address once the step has run.</summary>
    public static string AddressVariable(string fileName) => "media." + fileName;

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        for (var i = 0; i < body.Images.Count; i++)
        {
            var image = body.Images[i];
            if (Path.GetExtension(image.FileName).TrimStart('.').ToLowerInvariant() is not ("jpg" or "jpeg" or "png"))
            {
                context.Error($"images[{i}].fileName", "must end in .jpg or .png", "tên tệp phải có đuôi .jpg hoặc .png");
            }

            foreach (var (side, value) in new[] { ("width", image.Width), ("height", image.Height) })
            {
                if (value is < 1 or > MaxSide)
                {
                    context.Error($"images[{i}].{side}", $"must be a whole number from 1 to {MaxSide}", $"phải là số nguyên từ 1 đến {MaxSide}");
                }
            }

            foreach (var (color, value) in new[] { ("from", image.From), ("to", image.To) })
            {
                if (value is not null && !IsColor(value))
                {
                    context.Error($"images[{i}].{color}", "must be a colour such as #a31d1d", "phải là mã màu, ví dụ #a31d1d");
                }
            }
        }
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var library = context.Services.GetRequiredService<IMediaLibrary>();
        var db = context.Services.GetRequiredService<PortalDbContext>();
        for (var i = 0; i < body.Images.Count; i++)
        {
            var image = body.Images[i];
            var folderId = await FolderAsync(context, library, image.Folder, cancellationToken).ConfigureAwait(false);
            var item = await db.Set<MediaItem>().FirstOrDefaultAsync(m => m.FolderId == folderId && m.OriginalFileName == image.FileName, cancellationToken).ConfigureAwait(false);
            if (item is null)
            {
                using var content = new MemoryStream(Generate(image));
                var result = await library.UploadAsync(new MediaUpload(image.FileName, content, content.Length, folderId, image.Alt), cancellationToken).ConfigureAwait(false);
                item = result.Value ?? throw new RecipeException(Name, [context.Error($"images[{i}]", $"image '{image.FileName}' was refused: {result.Error}", $"ảnh '{image.FileName}' bị từ chối: {result.Error}")]);
            }

            var pathBase = context.Tenant.UrlPrefix is { Length: > 0 } prefix ? new PathString("/" + prefix) : PathString.Empty;
            context.Run.Variables[AddressVariable(image.FileName)] = MediaUrls.Of(item, pathBase);
        }
    }

    private static async Task<long> FolderAsync(RecipeStepContext context, IMediaLibrary library, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return MediaFolder.Root;
        }

        var existing = (await library.GetFoldersAsync(MediaFolder.Root, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(f => f.Name == name.Trim());
        if (existing is not null)
        {
            return existing.Id;
        }

        var created = await library.CreateFolderAsync(MediaFolder.Root, name, cancellationToken).ConfigureAwait(false);
        return created.Value?.Id ?? throw new RecipeException("media", [context.Error("images", $"folder '{name}': {created.Error}", $"thư mục '{name}': {created.Error}")]);
    }

    private static byte[] Generate(Image image)
    {
        using var picture = new MagickImage($"gradient:{image.From ?? "#a31d1d"}-{image.To ?? "#f6f8fa"}", (uint)image.Width, (uint)image.Height);
        var format = Path.GetExtension(image.FileName).Equals(".png", StringComparison.OrdinalIgnoreCase) ? MagickFormat.Png : MagickFormat.Jpeg;
        return picture.ToByteArray(format);
    }

    private static bool IsColor(string value) =>
        value.Length is 4 or 7 && value[0] == '#' && value.AsSpan(1).ToString().All(Uri.IsHexDigit) &&
        int.TryParse(value.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _);
}
