using System.Text.Json;

namespace Portal.Core.Recipes;

/// <summary>A parsed recipe: strict JSON, a name and a list of named steps.</summary>
public sealed record RecipeDocument(string Name, string DisplayName, string? Description, IReadOnlyList<RecipeStepData> Steps, string Source);

/// <summary>One step of a recipe: its name (the step that runs it) and its JSON body.</summary>
public sealed record RecipeStepData(string Name, int Index, JsonElement Body);

/// <summary>An error found in a recipe: English for logs, Vietnamese for people.</summary>
public sealed record RecipeError(string Message, string UserMessage);

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
