using System.Text.Json;
using Portal.Core.Recipes;

namespace Portal.Modules.Contents.Recipes;

/// <summary>Checks shared by this module's recipe steps, on top of <see cref="RecipeJson"/>.</summary>
internal static class StepJson
{
    /// <summary>
    /// Checks that <paramref name="property"/> is an array of objects and runs
    /// <paramref name="validate"/> on each with its place (<c>items[2]</c>) for messages.
    /// </summary>
    public static IEnumerable<RecipeError> ValidateEach(
        this JsonElement step, string property, Func<JsonElement, string, IEnumerable<RecipeError>> validate)
    {
        if (step.RequireArray(property) is { } notArray)
        {
            return [notArray];
        }

        return step.GetArray(property).SelectMany((element, index) =>
        {
            var where = $"{property}[{index}]";
            return element.ValueKind == JsonValueKind.Object ? validate(element, where) : [NotAnObject(where)];
        }).ToList();
    }

    public static RecipeError NotAnObject(string where) =>
        new($"{where} must be a JSON object", $"{where} phải là một đối tượng JSON");

    /// <summary>An error when <paramref name="property"/> is present but not of the given kind.</summary>
    public static RecipeError? OptionalKind(this JsonElement element, string property, string where, string expected, params JsonValueKind[] kinds) =>
        element.TryGetProperty(property, out var value) && !kinds.Contains(value.ValueKind)
            ? new RecipeError($"{where}: \"{property}\" must be {expected}", $"{where}: \"{property}\" phải là {VietnameseKind(expected)}")
            : null;

    /// <summary>An error for each entry of an optional array that is not a non-empty string.</summary>
    public static IEnumerable<RecipeError> OptionalStrings(this JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return [new RecipeError($"{where}: \"{property}\" must be an array", $"{where}: \"{property}\" phải là một danh sách")];
        }

        return value.EnumerateArray()
            .Where(v => v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
            .Select(_ => new RecipeError(
                $"{where}: \"{property}\" must hold non-empty strings",
                $"{where}: \"{property}\" chỉ được chứa chuỗi khác rỗng"))
            .Take(1);
    }

    private static string VietnameseKind(string expected) => expected switch
    {
        "a string" => "một chuỗi",
        "true or false" => "true hoặc false",
        "an object" => "một đối tượng JSON",
        "an array" => "một danh sách",
        _ => expected,
    };
}
