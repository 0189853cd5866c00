using System.Text.Json;

namespace Portal.Core.Recipes;

/// <summary>A parsed recipe: strict JSON, a name and a list of named steps.</summary>
public sealed record RecipeDocument(string Name, string DisplayName, string? Description, IReadOnlyList<RecipeStepData> Steps, string Source);

/// <summary>One step of a recipe: its name (the step that runs it), its number (1-based) and its JSON body.</summary>
public sealed record RecipeStepData(string Name, int Index, JsonElement Body);

/// <summary>
/// An error found in a recipe: English for logs, Vietnamese for people. Errors about a step
/// carry its <see cref="Step"/> number (1-based, as people count) and the JSON
/// <see cref="Path"/> of the offending value (<c>$.steps[2].roles[0].permissions[1]</c>:
/// JSON indexes are 0-based, so step 3 is <c>$.steps[2]</c>).
/// </summary>
public sealed record RecipeError(string Message, string UserMessage)
{
    public int? Step { get; init; }

    public string? Path { get; init; }
}

/// <summary>Where a step sits in its recipe; makes every error about it in one format.</summary>
public sealed record RecipeStepLocation(int Number, string? Name)
{
    /// <summary>The step's JSON path, <c>$.steps[Number - 1]</c>.</summary>
    public string Path => $"$.steps[{Number - 1}]";

    /// <summary>The full JSON path of <paramref name="relative"/> (<c>roles[0].name</c>, <c>[2]</c> or empty for the step).</summary>
    public string PathOf(string relative) =>
        relative.Length == 0 ? Path : relative[0] == '[' ? Path + relative : $"{Path}.{relative}";

    /// <summary>
    /// <c>step 3 'roles' at $.steps[2].roles[0].permissions[1]: …</c> /
    /// <c>bước 3 'roles' tại $.steps[2].roles[0].permissions[1]: …</c>.
    /// </summary>
    public RecipeError Error(string relativePath, string message, string userMessage)
    {
        var path = PathOf(relativePath);
        var step = Name is null ? $"{Number}" : $"{Number} '{Name}'";
        return new RecipeError($"step {step} at {path}: {message}", $"bước {step} tại {path}: {userMessage}") { Step = Number, Path = path };
    }
}

/// <summary>A recipe was rejected; nothing was changed.</summary>
public sealed class RecipeException : Exception
{
    public RecipeException(string source, IReadOnlyList<RecipeError> errors)
        : base($"Recipe '{source}' was rejected: " + string.Join("; ", errors.Select(e => e.Message)))
    {
        Source = source;
        Errors = errors;
    }

    public new string Source { get; }
    public IReadOnlyList<RecipeError> Errors { get; }

    /// <summary>The errors as one Vietnamese message.</summary>
    public string UserMessage => $"Kịch bản '{Source}' không hợp lệ: " + string.Join("; ", Errors.Select(e => e.UserMessage));
}
