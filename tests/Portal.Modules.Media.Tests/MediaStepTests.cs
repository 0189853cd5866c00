using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Modules.Media.Services;

namespace Portal.Modules.Media.Tests;

public sealed class MediaStepTests
{
    private const string Step = """
        {
          "name": "media",
          "images": [
            { "fileName": "hoi-nghi.jpg", "folder": "Ảnh tin bài", "alt": "Hội nghị tổng kết", "width": 1200, "height": 675, "from": "#a31d1d", "to": "#f0c419" },
            { "fileName": "logo.png", "width": 200, "height": 200 }
          ]
        }
        """;

    [Fact]
    public async Task Execute_AddsGeneratedImagesThroughTheUploadPipeline_AndRunningAgainChangesNothing()
    {
        await using var host = new MediaTestHost();
        var tenant = MediaTestHost.NewTenant("sotaichinh");
        var recipe = Recipe(Step);

        for (var run = 0; run < 2; run++)
        {
            await host.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, tenant);
        }

        var items = await host.InTenantAsync(tenant, (library, _) => library.SearchAsync(new MediaQuery()));
        Assert.Equal(["logo.png", "hoi-nghi.jpg"], items.Items.Select(i => i.OriginalFileName));
        var photo = items.Items[1];
        Assert.Equal((1200, 675, "image/jpeg", "Hội nghị tổng kết"), (photo.Width!.Value, photo.Height!.Value, photo.ContentType, photo.Alt));
        Assert.Equal([320, 640, 1024], photo.Variants.Select(v => v.Width));
        var folder = Assert.Single(await host.InTenantAsync(tenant, (library, _) => library.GetFoldersAsync(0)));
        Assert.Equal(("Ảnh tin bài", folder.Id), (folder.Name, photo.FolderId));
    }

    [Fact]
    public async Task Validate_ReportsEachBadImage()
    {
        await using var host = new MediaTestHost();
        var recipe = Recipe("""
            { "name": "media", "images": [
              { "fileName": "x.svg", "width": 10, "height": 10 },
              { "fileName": "y.jpg", "width": 0, "height": 99999, "from": "red" }
            ] }
            """);

        var error = Assert.Throws<RecipeException>(() => host.Services.GetRequiredService<RecipeExecutor>().Validate(recipe, MediaTestHost.NewTenant("sotaichinh")));

        Assert.Equal(
        [
            ("$.steps[0].images[0].fileName", "bước 1 'media' tại $.steps[0].images[0].fileName: tên tệp phải có đuôi .jpg hoặc .png"),
            ("$.steps[0].images[1].width", "bước 1 'media' tại $.steps[0].images[1].width: phải là số nguyên từ 1 đến 4000"),
            ("$.steps[0].images[1].height", "bước 1 'media' tại $.steps[0].images[1].height: phải là số nguyên từ 1 đến 4000"),
            ("$.steps[0].images[1].from", "bước 1 'media' tại $.steps[0].images[1].from: phải là mã màu, ví dụ #a31d1d"),
        ], error.Errors.Select(e => (e.Path, e.UserMessage)));
    }

    private static RecipeDocument Recipe(string step) =>
        RecipeParser.Parse($$"""{ "name": "thu", "steps": [ {{step}} ] }""", "thu.recipe.json");

    [Fact]
    public async Task Step_IsRegisteredByTheModule()
    {
        await using var host = new MediaTestHost();
        Assert.Contains(host.Services.GetServices<IRecipeStep>(), s => s.Name == "media");
    }
}
