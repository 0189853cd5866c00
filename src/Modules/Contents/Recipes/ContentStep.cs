using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Data;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Recipes;

/// <summary>
/// Creates content items: <c>{"name":"content","items":[{"alias":"gioi-thieu","contentType":"Page",
/// "displayText":"Giới thiệu","published":true,"culture":"vi","data":{...}}]}</c>.
/// Items are found by alias. A missing item is created; one whose latest display text or data
/// differ gets a new version (never an overwrite); an equal one is left alone, so a second run
/// changes nothing. <c>"published": true</c> publishes; <c>false</c> never takes an item offline.
/// </summary>
internal sealed class ContentStep : IRecipeStep
{
    public const string StepName = "content";

    public string Name => StepName;

    public IEnumerable<RecipeError> Validate(JsonElement step)
    {
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        return step.ValidateEach("items", (item, where) =>
        {
            RecipeError?[] checks =
            [
                item.RequireString("contentType", where),
                item.RequireString("alias", where),
                item.OptionalKind("displayText", where, "a string", JsonValueKind.String),
                item.OptionalKind("culture", where, "a string", JsonValueKind.String),
                item.OptionalKind("published", where, "true or false", JsonValueKind.True, JsonValueKind.False),
                item.OptionalKind("data", where, "an object", JsonValueKind.Object),
                item.GetString("alias") is { Length: > 0 } alias && !aliases.Add(alias)
                    ? new RecipeError($"{where}: alias '{alias}' is listed twice", $"{where}: bí danh '{alias}' bị khai báo hai lần")
                    : null,
            ];
            return checks.OfType<RecipeError>();
        });
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manager = context.Services.GetRequiredService<IContentManager>();
        var definitions = context.Services.GetRequiredService<IContentDefinitionStore>();
        var body = context.Services.GetRequiredService<ContentBodyProcessor>();

        // Types are checked below, not in Validate: an earlier step of the same recipe may define them.
        var types = (await definitions.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var items = context.Step.GetArray("items").Select(e => RecipeItem.From(e, body, types)).ToList();
        var existing = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (await manager.GetByAliasAsync(item.Alias, cancellationToken).ConfigureAwait(false) is { } found)
            {
                existing[item.Alias] = found;
            }
        }

        var errors = items.SelectMany(item => Check(item, types.Keys.ToHashSet(StringComparer.Ordinal), existing.GetValueOrDefault(item.Alias))).ToList();
        if (errors.Count > 0)
        {
            throw new RecipeException(StepName, errors);
        }

        foreach (var item in items)
        {
            await ApplyAsync(manager, item, existing.GetValueOrDefault(item.Alias), cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<RecipeError> Check(RecipeItem item, HashSet<string> knownTypes, ContentItem? existing)
    {
        if (!knownTypes.Contains(item.ContentType))
        {
            yield return new RecipeError(
                $"item '{item.Alias}': content type '{item.ContentType}' is not defined",
                $"mục '{item.Alias}': kiểu nội dung '{item.ContentType}' chưa được định nghĩa");
        }
        else if (existing is not null && existing.ContentType != item.ContentType)
        {
            yield return new RecipeError(
                $"item '{item.Alias}': the alias already names an item of type '{existing.ContentType}'",
                $"mục '{item.Alias}': bí danh đã dùng cho một nội dung kiểu '{existing.ContentType}'");
        }

        // Field values of the wrong type are refused before any item is written.
        foreach (var error in item.BodyErrors)
        {
            yield return new RecipeError($"item '{item.Alias}': {error.Path} is invalid", $"mục '{item.Alias}': {error.Message}");
        }
    }

    private static async Task ApplyAsync(IContentManager manager, RecipeItem item, ContentItem? latest, CancellationToken cancellationToken)
    {
        if (latest is null)
        {
            var created = await manager.NewAsync(item.ContentType, cancellationToken).ConfigureAwait(false);
            created.Alias = item.Alias;
            created.DisplayText = item.DisplayText;
            created.Culture = item.Culture ?? created.Culture;
            created.Data = item.Data;
            await manager.CreateAsync(created, item.Published, cancellationToken).ConfigureAwait(false);
        }
        else if (latest.DisplayText != item.DisplayText ||
                 (item.Culture is not null && latest.Culture != item.Culture) ||
                 !JsonNode.DeepEquals(latest.Data, item.Data))
        {
            latest.DisplayText = item.DisplayText;
            latest.Culture = item.Culture ?? latest.Culture;
            latest.Data = item.Data;
            await manager.UpdateAsync(latest, item.Published, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else if (item.Published && !latest.Published)
        {
            await manager.PublishAsync(latest.ContentItemId, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record RecipeItem(
        string Alias, string ContentType, string DisplayText, string? Culture, bool Published, JsonObject Data, IReadOnlyList<ContentValidationError> BodyErrors)
    {
        // Prepared as the manager stores it (sanitised, values normalised), so equal content compares equal.
        public static RecipeItem From(JsonElement e, ContentBodyProcessor body, IReadOnlyDictionary<string, ContentTypeDefinition> types)
        {
            var data = e.TryGetProperty("data", out var d) ? JsonObject.Create(d) ?? [] : [];
            data = JsonColumn.Clone(data);
            var errors = types.GetValueOrDefault(e.GetString("contentType") ?? "") is { } type ? body.Prepare(type, data) : [];

            var alias = e.GetString("alias")!;
            var title = (data[nameof(TitlePart)] as JsonObject)?[nameof(TitlePart.Title)] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
            return new RecipeItem(
                alias,
                e.GetString("contentType")!,
                e.GetString("displayText") ?? title ?? alias,
                e.GetString("culture"),
                e.GetBoolean("published") ?? false,
                data,
                errors);
        }
    }
}
