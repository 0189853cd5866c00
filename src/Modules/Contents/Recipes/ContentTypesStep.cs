using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Recipes;

/// <summary>
/// Defines content types: <c>{"name":"content-types","types":[{"name":"Article","displayName":"Tin bài",
/// "parts":["TitlePart","BodyPart"],"fields":[{"name":"Summary","type":"Text"}]}]}</c>.
/// A type is written only when it is new or differs from the stored one.
/// </summary>
internal sealed partial class ContentTypesStep(ContentTypeDefinitionValidator validator) : IRecipeStep
{
    public const string StepName = "content-types";

    public string Name => StepName;

    public IEnumerable<RecipeError> Validate(JsonElement step)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        return step.ValidateEach("types", (type, where) =>
        {
            var errors = new List<RecipeError>();
            var name = type.GetString("name");
            if (type.RequireString("name", where) is { } missingName)
            {
                errors.Add(missingName);
            }
            else if (!TypeName().IsMatch(name!))
            {
                errors.Add(new RecipeError(
                    $"{where}: type name '{name}' must be a letter followed by letters or digits",
                    $"{where}: tên kiểu '{name}' phải bắt đầu bằng chữ cái và chỉ gồm chữ cái không dấu, chữ số"));
            }
            else if (!names.Add(name!))
            {
                errors.Add(new RecipeError($"{where}: type '{name}' is listed twice", $"{where}: kiểu '{name}' bị khai báo hai lần"));
            }

            errors.AddRange(new[] { type.RequireString("displayName", where) }.OfType<RecipeError>());
            errors.AddRange(type.OptionalStrings("parts", where));
            errors.AddRange(ValidateFields(type, where));
            errors.AddRange(validator.ValidateRecipeType(type, where));
            return errors;
        });
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.Services.GetRequiredService<IContentDefinitionStore>();
        foreach (var type in context.Step.GetArray("types"))
        {
            var fields = type.GetArray("fields")
                .Select(f => ContentFieldDefinition.FromJson(System.Text.Json.Nodes.JsonObject.Create(f)!));
            var settings = ContentTypeDefinition.BuildSettings(type.GetStrings("parts"), fields);
            await store.SaveAsync(type.GetString("name")!, type.GetString("displayName")!, settings, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<RecipeError> ValidateFields(JsonElement type, string where)
    {
        if (type.OptionalKind("fields", where, "an array", JsonValueKind.Array) is { } notArray)
        {
            return [notArray];
        }

        return type.GetArray("fields").SelectMany((field, i) => field.ValueKind == JsonValueKind.Object
            ? new[] { field.RequireString("name", $"{where}.fields[{i}]"), field.RequireString("type", $"{where}.fields[{i}]") }.OfType<RecipeError>()
            : [StepJson.NotAnObject($"{where}.fields[{i}]")]);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex TypeName();
}
