using System.Globalization;
using System.Text.Json;
using ImageMagick;
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
/// name is already in its folder is left alone, so the step can run again.
/// </summary>
public sealed class MediaStep : IRecipeStep
{
    private const int MaxSide = 4000;

    public string Name => "media";

    public IEnumerable<RecipeError> Validate(JsonElement step)
    {
        if (step.RequireArray("images") is { } notArray)
        {
            yield return notArray;
            yield break;
        }

        var index = 0;
        foreach (var image in step.GetArray("images"))
        {
            var where = $"images[{index++}]";
            if (image.RequireString("fileName", where) is { } missing)
            {
                yield return missing;
            }
            else if (Path.GetExtension(image.GetString("fileName")!).TrimStart('.').ToLowerInvariant() is not ("jpg" or "jpeg" or "png"))
            {
                yield return new RecipeError($"{where}: \"fileName\" must end in .jpg or .png", $"{where}: \"fileName\" phải có đuôi .jpg hoặc .png");
            }

            foreach (var side in new[] { "width", "height" })
            {
                if (Side(image, side) is null)
                {
                    yield return new RecipeError($"{where}: \"{side}\" must be a whole number from 1 to {MaxSide}", $"{where}: \"{side}\" phải là số nguyên từ 1 đến {MaxSide}");
                }
            }

            foreach (var color in new[] { "from", "to" })
            {
                if (image.GetString(color) is { } value && !IsColor(value))
                {
                    yield return new RecipeError($"{where}: \"{color}\" must be a colour such as #a31d1d", $"{where}: \"{color}\" phải là mã màu, ví dụ #a31d1d");
                }
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var library = context.Services.GetRequiredService<IMediaLibrary>();
        var db = context.Services.GetRequiredService<PortalDbContext>();
        foreach (var image in context.Step.GetArray("images"))
        {
            var fileName = image.GetString("fileName")!;
            var folderId = await FolderAsync(library, image.GetString("folder"), cancellationToken).ConfigureAwait(false);
            if (await db.Set<MediaItem>().AnyAsync(i => i.FolderId == folderId && i.OriginalFileName == fileName, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            using var content = new MemoryStream(Generate(image, fileName));
            var result = await library.UploadAsync(new MediaUpload(fileName, content, content.Length, folderId, image.GetString("alt")), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new RecipeException(Name, [new RecipeError($"image '{fileName}' was refused: {result.Error}", $"ảnh '{fileName}' bị từ chối: {result.Error}")]);
            }
        }
    }

    private static async Task<long> FolderAsync(IMediaLibrary library, string? name, CancellationToken cancellationToken)
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
        return created.Value?.Id ?? throw new RecipeException("media", [new RecipeError($"folder '{name}': {created.Error}", $"thư mục '{name}': {created.Error}")]);
    }

    private static byte[] Generate(JsonElement image, string fileName)
    {
        var from = image.GetString("from") ?? "#a31d1d";
        var to = image.GetString("to") ?? "#f6f8fa";
        using var picture = new MagickImage($"gradient:{from}-{to}", (uint)Side(image, "width")!.Value, (uint)Side(image, "height")!.Value);
        var format = Path.GetExtension(fileName).Equals(".png", StringComparison.OrdinalIgnoreCase) ? MagickFormat.Png : MagickFormat.Jpeg;
        return picture.ToByteArray(format);
    }

    private static int? Side(JsonElement image, string property) =>
        image.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number &&
        value.TryGetInt32(out var side) && side is > 0 and <= MaxSide
            ? side
            : null;

    private static bool IsColor(string value) =>
        value.Length is 4 or 7 && value[0] == '#' && value.AsSpan(1).ToString().All(Uri.IsHexDigit) &&
        int.TryParse(value.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _);
}
