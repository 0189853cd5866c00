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
/// <c>"publishedAgo": "3.04:00:00"</c> (days.hours:minutes:seconds) dates a new published item that
/// long before the run, so demo news is spread over recent weeks (an existing item keeps its date).
/// Content types are checked when the step runs: an earlier step of the recipe may define them.
/// </summary>
internal sealed class ContentStep : RecipeStep<ContentStep.Body>
{
    public const string StepName = "content";

    public sealed record Body(IReadOnlyList<Item> Items);

    public sealed record Item(string Alias, string ContentType, string? DisplayText = null, string? Culture = null, bool Published = false, JsonObject? Data = null, TimeSpan? PublishedAgo = null);

    public override string Name => StepName;

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        context.RequireUnique("items", body.Items, i => i.Alias, "alias", StringComparer.Ordinal);
        for (var i = 0; i < body.Items.Count; i++)
        {
            if (body.Items[i].PublishedAgo is { } ago && (ago < TimeSpan.Zero || !body.Items[i].Published))
            {
                context.Error($"items[{i}].publishedAgo",
                    "must be a positive duration of a published item",
                    "chỉ dùng cho nội dung được xuất bản, và phải là một khoảng thời gian dương (ví dụ \"3.04:00:00\")");
            }
        }
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var manager = context.Services.GetRequiredService<IContentManager>();
        var definitions = context.Services.GetRequiredService<IContentDefinitionStore>();
        var processor = context.Services.GetRequiredService<ContentBodyProcessor>();
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        // Types are checked here, not in Validate: an earlier step of the same recipe may define them.
        var types = (await definitions.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var items = body.Items.Select(e => RecipeItem.From(e, processor, types)).ToList();
        var existing = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (await manager.GetByAliasAsync(item.Alias, cancellationToken).ConfigureAwait(false) is { } found)
            {
                existing[item.Alias] = found;
            }
        }

        var errors = items.SelectMany((item, i) => Check(context, i, item, types, existing.GetValueOrDefault(item.Alias))).ToList();
        if (errors.Count > 0)
        {
            throw new RecipeException(StepName, errors);
        }

        foreach (var item in items)
        {
            await ApplyAsync(manager, item, existing.GetValueOrDefault(item.Alias), now, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<RecipeError> Check(RecipeStepContext context, int index, RecipeItem item, IReadOnlyDictionary<string, ContentTypeDefinition> knownTypes, ContentItem? existing)
    {
        if (!knownTypes.ContainsKey(item.ContentType))
        {
            yield return context.Error($"items[{index}].contentType",
                $"content type '{item.ContentType}' is not defined",
                $"kiểu nội dung '{item.ContentType}' chưa được định nghĩa");
        }
        else if (existing is not null && existing.ContentType != item.ContentType)
        {
            yield return context.Error($"items[{index}].contentType",
                $"the alias '{item.Alias}' already names an item of type '{existing.ContentType}'",
                $"bí danh '{item.Alias}' đã dùng cho một nội dung kiểu '{existing.ContentType}'");
        }

        // Field values of the wrong type are refused before any item is written.
        foreach (var error in item.BodyErrors)
        {
            yield return context.Error($"items[{index}].data.{error.Path}", $"the value of {error.Path} is invalid", error.Message);
        }
    }

    private static async Task ApplyAsync(IContentManager manager, RecipeItem item, ContentItem? latest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (latest is null)
        {
            var created = await manager.NewAsync(item.ContentType, cancellationToken).ConfigureAwait(false);
            created.Alias = item.Alias;
            created.DisplayText = item.DisplayText;
            created.Culture = item.Culture ?? created.Culture;
            created.Data = item.Data;
            created.PublishedUtc = now - item.PublishedAgo;
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
        string Alias, string ContentType, string DisplayText, string? Culture, bool Published, JsonObject Data, IReadOnlyList<ContentValidationError> BodyErrors, TimeSpan? PublishedAgo)
    {
        // Prepared as the manager stores it (sanitised, values normalised), so equal content compares equal.
        public static RecipeItem From(Item item, ContentBodyProcessor processor, IReadOnlyDictionary<string, ContentTypeDefinition> types)
        {
            var data = item.Data is null ? [] : JsonColumn.Clone(item.Data);
            var errors = types.GetValueOrDefault(item.ContentType) is { } type ? processor.Prepare(type, data) : [];
            var title = (data[nameof(TitlePart)] as JsonObject)?[nameof(TitlePart.Title)] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
            return new RecipeItem(item.Alias, item.ContentType, item.DisplayText ?? title ?? item.Alias, item.Culture, item.Published, data, errors, item.PublishedAgo);
        }
    }
}
