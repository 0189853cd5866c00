using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Recipes;

/// <summary>
/// Defines content types: <c>{"name":"content-types","types":[{"name":"Article","displayName":"Tin bài",
/// "parts":["TitlePart","BodyPart"],"fields":[{"name":"Summary","type":"Text"}]}]}</c>.
/// A type is written only when it is new or differs from the stored one. Unknown parts and
/// field types are refused by the one definition check (<see cref="ContentTypeDefinitionValidator"/>).
/// </summary>
internal sealed partial class ContentTypesStep(ContentTypeDefinitionValidator validator) : RecipeStep<ContentTypesStep.Body>
{
    public const string StepName = "content-types";

    public sealed record Body(IReadOnlyList<ContentType> Types);

    public sealed record ContentType(string Name, string DisplayName, IReadOnlyList<string>? Parts = null, IReadOnlyList<Field>? Fields = null);

    /// <summary>A field in its settings form (see <see cref="ContentFieldDefinition"/>).</summary>
    public sealed record Field(string Name, string Type, string? DisplayName = null, bool Required = false, string? Hint = null, string? Part = null, JsonObject? Settings = null)
    {
        public ContentFieldDefinition ToDefinition() => new(Name, Type)
        {
            DisplayName = DisplayName ?? "",
            Required = Required,
            Hint = Hint,
            Part = Part,
            Settings = Settings,
        };
    }

    public override string Name => StepName;

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        context.RequireUnique("types", body.Types, t => t.Name, "name", StringComparer.Ordinal);
        for (var i = 0; i < body.Types.Count; i++)
        {
            var type = body.Types[i];
            if (!TypeName().IsMatch(type.Name))
            {
                context.Error($"types[{i}].name",
                    $"type name '{type.Name}' must be a letter followed by letters or digits",
                    $"tên kiểu '{type.Name}' phải bắt đầu bằng chữ cái và chỉ gồm chữ cái không dấu, chữ số");
            }

            foreach (var error in validator.ValidatePartsAndFields(type.Parts ?? [], [.. (type.Fields ?? []).Select(f => f.ToDefinition())]))
            {
                context.Error($"types[{i}].{error.Path}", error.Message, error.UserMessage);
            }
        }
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var store = context.Services.GetRequiredService<IContentDefinitionStore>();
        foreach (var type in body.Types)
        {
            var settings = ContentTypeDefinition.BuildSettings(type.Parts ?? [], (type.Fields ?? []).Select(f => f.ToDefinition()));
            await store.SaveAsync(type.Name, type.DisplayName, settings, cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex TypeName();
}
