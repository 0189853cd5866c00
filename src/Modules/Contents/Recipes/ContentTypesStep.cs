using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Modules.Contents.Models;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Recipes;

/// <summary>
/// Defines content types: <c>{"name":"content-types","types":[{"name":"Article","displayName":"Tin bài",
/// "parts":["TitlePart","BodyPart"],"fields":[{"name":"Summary","type":"Text"}]}]}</c>.
/// A type is written only when it is new or differs from the stored one. Unknown parts and
/// field types are refused.
/// </summary>
public sealed partial class ContentTypesStep : RecipeStep<ContentTypesStep.Body>
{
    public const string StepName = "content-types";

    public sealed record Body(IReadOnlyList<ContentType> Types);

    public sealed record ContentType(string Name, string DisplayName, IReadOnlyList<string>? Parts = null, IReadOnlyList<Field>? Fields = null);

    public sealed record Field(string Name, string Type);

    public override string Name => StepName;

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        context.RequireUnique("types", body.Types, t => t.Name, "name", StringComparer.Ordinal);
        for (var i = 0; i < body.Types.Count; i++)
        {
            var name = body.Types[i].Name;
            if (!TypeName().IsMatch(name))
            {
                context.Error($"types[{i}].name",
                    $"type name '{name}' must be a letter followed by letters or digits",
                    $"tên kiểu '{name}' phải bắt đầu bằng chữ cái và chỉ gồm chữ cái không dấu, chữ số");
            }

            ValidatePartsAndFields(body.Types[i], $"types[{i}]", context);
        }
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var store = context.Services.GetRequiredService<IContentDefinitionStore>();
        foreach (var type in body.Types)
        {
            var fields = (type.Fields ?? []).Select(f => new ContentFieldDefinition(f.Name, f.Type));
            var settings = ContentTypeDefinition.BuildSettings(type.Parts ?? [], fields);
            await store.SaveAsync(type.Name, type.DisplayName, settings, cancellationToken).ConfigureAwait(false);
        }
    }

    // Parts and field types known to this module until the part/field registry replaces these lists.
    private static readonly string[] KnownParts = [nameof(TitlePart), nameof(BodyPart), nameof(RoutePart)];
    private static readonly string[] KnownFieldTypes = ["Text"];

    /// <summary>Checks a type's parts and fields: each part and field type known, none listed twice.</summary>
    private static void ValidatePartsAndFields(ContentType type, string path, RecipeValidationContext context)
    {
        var parts = type.Parts ?? [];
        for (var i = 0; i < parts.Count; i++)
        {
            context.RequireKnown($"{path}.parts[{i}]", parts[i], KnownParts, ("part", "phần"), StringComparer.Ordinal);
        }

        var fields = type.Fields ?? [];
        for (var i = 0; i < fields.Count; i++)
        {
            context.RequireKnown($"{path}.fields[{i}].type", fields[i].Type, KnownFieldTypes, ("field type", "kiểu trường"), StringComparer.Ordinal);
        }

        context.RequireUnique($"{path}.parts", parts, p => p, "", StringComparer.Ordinal);
        context.RequireUnique($"{path}.fields", fields, f => f.Name, "name", StringComparer.Ordinal);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex TypeName();
}
