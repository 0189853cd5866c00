using System.Text.Json;

namespace Portal.Core.Recipes;

/// <summary>Small readers for step JSON, so every step validates the same way.</summary>
public static class RecipeJson
{
    public static string? GetString(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object &&
        element.TryGetProperty(property, out var value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool? GetBoolean(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) &&
        value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    public static IReadOnlyList<string> GetStrings(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object &&
        element.TryGetProperty(property, out var value) &&
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    public static IEnumerable<JsonElement> GetArray(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object &&
        element.TryGetProperty(property, out var value) &&
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    /// <summary>An error when <paramref name="property"/> of <paramref name="element"/> is not a non-empty string.</summary>
    public static RecipeError? RequireString(this JsonElement element, string property, string where)
        => string.IsNullOrWhiteSpace(element.GetString(property))
            ? new RecipeError($"{where}: \"{property}\" is required", $"{where}: thiếu \"{property}\"")
            : null;

    /// <summary>An error when <paramref name="property"/> is missing or not an array.</summary>
    public static RecipeError? RequireArray(this JsonElement element, string property)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? null
            : new RecipeError($"\"{property}\" must be an array", $"\"{property}\" phải là một danh sách");
}
