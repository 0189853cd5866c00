using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Testing;
using Portal.Web.Hosting;

namespace Portal.Integration.Tests;

/// <summary>
/// The product's recipes (repository <c>recipes/</c>) through the validation of the host's real
/// steps and modules, without a database: a typo in a module, permission, part or member name
/// fails the build, not the first run.
/// </summary>
public sealed class ProductRecipeTests
{
    private static readonly string Folder = FindRecipesFolder();

    public static TheoryData<string> RecipeFiles() => [.. FileNames()];

    [Fact]
    public void TheProductShipsItsThreeRecipes() =>
        Assert.Equal(["component-site.recipe.json", "demo.recipe.json", "province-portal.recipe.json"], FileNames());

    [Theory]
    [MemberData(nameof(RecipeFiles))]
    public void ProductRecipe_PassesValidation(string fileName)
    {
        using var services = Services();
        var recipe = RecipeParser.Parse(File.ReadAllText(Path.Combine(Folder, fileName)), fileName);

        var error = Record.Exception(() => Validate(services, recipe));

        Assert.True(error is null, (error as RecipeException)?.UserMessage ?? error?.ToString());
    }

    [Theory]
    [InlineData("\"EditContent\"", "\"EditContents\"", "$.steps[1].roles[1].permissions[1]", "quyền 'EditContents' không tồn tại")]
    [InlineData("\"Contents\"]", "\"Content\"]", "$.steps[0].modules[2]", "mô-đun 'Content' không tồn tại")]
    [InlineData("\"RoutePart\"", "\"RoutPart\"", "$.steps[3].types[0].parts[2]", "phần 'RoutPart' không tồn tại")]
    [InlineData("\"displayText\"", "\"displaytext\"", "$.steps[7].items[0].displaytext", "thuộc tính \"displaytext\" không được hỗ trợ")]
    public void ATypoInAProductRecipe_FailsValidation(string correct, string typo, string path, string message)
    {
        using var services = Services();
        var json = File.ReadAllText(Path.Combine(Folder, "province-portal.recipe.json"));
        var recipe = RecipeParser.Parse(ReplaceFirst(json, correct, typo), "province-portal.recipe.json");

        var error = Assert.Throws<RecipeException>(() => Validate(services, recipe));

        var reason = Assert.Single(error.Errors);
        Assert.Equal(path, reason.Path);
        Assert.Contains(message, reason.UserMessage, StringComparison.Ordinal);
    }

    private static List<string> FileNames() =>
        [.. Directory.EnumerateFiles(Folder, "*" + FileRecipeStore.Extension).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalPlatform(new ConfigurationBuilder().Build(), PortalModules.All());
        services.AddSingleton<IRecipeStore>(new FileRecipeStore(Folder));
        return services.BuildServiceProvider();
    }

    private static void Validate(ServiceProvider services, RecipeDocument recipe)
    {
        var run = new RecipeRun();
        run.Variables["adminPassword"] = PasswordGenerator.Generate();
        run.Variables["baseDomain"] = PortalAppFactory.BaseDomain;
        services.GetRequiredService<RecipeExecutor>().Validate(recipe, SqliteTestDatabase.NewTenant("thainguyen"), run);
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{old} is not in the recipe");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    private static string FindRecipesFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.Orchard.sln")))
            {
                return Path.Combine(directory.FullName, "recipes");
            }
        }

        throw new DirectoryNotFoundException("The repository's recipes/ folder was not found above " + AppContext.BaseDirectory);
    }
}
