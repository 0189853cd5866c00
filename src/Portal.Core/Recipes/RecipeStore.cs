namespace Portal.Core.Recipes;

/// <summary>Finds recipes by name among the <c>*.recipe.json</c> files of the recipes folder.</summary>
public interface IRecipeStore
{
    IReadOnlyList<RecipeDocument> List();
    RecipeDocument? Find(string name);
}

public sealed class FileRecipeStore(string directory) : IRecipeStore
{
    public const string Extension = ".recipe.json";

    private readonly Lazy<IReadOnlyList<RecipeDocument>> _recipes = new(() => Load(directory));

    public IReadOnlyList<RecipeDocument> List() => _recipes.Value;

    public RecipeDocument? Find(string name) =>
        _recipes.Value.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static List<RecipeDocument> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The recipes folder '{directory}' does not exist.");
        }

        return Directory.EnumerateFiles(directory, "*" + Extension)
            .Order(StringComparer.Ordinal)
            .Select(path => RecipeParser.Parse(File.ReadAllText(path), Path.GetFileName(path)))
            .ToList();
    }
}
