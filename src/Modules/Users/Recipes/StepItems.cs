using System.Text.Json;
using Portal.Core.Recipes;

namespace Portal.Modules.Users.Recipes;

/// <summary>Shared checks for steps that carry a list of objects, each named by a string property.</summary>
internal static class StepItems
{
    /// <summary>The items of <paramref name="property"/> that are objects; shape errors go to <paramref name="errors"/>.</summary>
    public static List<(string Where, JsonElement Item)> Read(JsonElement step, string property, string key, List<RecipeError> errors)
    {
        var items = new List<(string, JsonElement)>();
        if (step.RequireArray(property) is { } notArray)
        {
            errors.Add(notArray);
            return items;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var item in step.GetArray(property))
        {
            var where = $"{property}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new RecipeError($"{where} must be an object", $"{where} phải là một đối tượng JSON"));
                continue;
            }

            if (item.RequireString(key, where) is { } missing)
            {
                errors.Add(missing);
                continue;
            }

            var name = item.GetString(key)!.Trim();
            if (!seen.Add(name))
            {
                errors.Add(new RecipeError($"{where}: '{name}' is listed twice", $"{where}: '{name}' bị lặp lại"));
            }

            items.Add((where, item));
        }

        return items;
    }

    /// <summary>An error when an optional property is present but not a list of strings.</summary>
    public static RecipeError? OptionalStrings(JsonElement item, string property, string where) =>
        item.TryGetProperty(property, out var value) &&
        (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            ? new RecipeError($"{where}: \"{property}\" must be an array of strings", $"{where}: \"{property}\" phải là danh sách chuỗi")
            : null;

    /// <summary>An error when an optional property is present but not a string.</summary>
    public static RecipeError? OptionalString(JsonElement item, string property, string where) =>
        item.TryGetProperty(property, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
            ? new RecipeError($"{where}: \"{property}\" must be a string", $"{where}: \"{property}\" phải là chuỗi")
            : null;

    public static void AddIfAny(this List<RecipeError> errors, RecipeError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}
