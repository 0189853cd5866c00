using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;

namespace Portal.Core.Settings;

/// <summary>
/// <c>{"name":"settings","sections":{"passwords":{"minimumLength":12}}}</c>: sets members of the
/// tenant's settings sections. Members not named keep their saved value (or default). Unknown
/// sections, unknown members, wrong types and values the section's rules refuse stop the recipe
/// before any step runs.
/// </summary>
public sealed class SettingsRecipeStep(TenantSettingsSections sections) : RecipeStep<SettingsRecipeStep.Body>
{
    public sealed record Body(JsonObject Sections);

    public override string Name => "settings";

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        foreach (var (name, value) in body.Sections)
        {
            var path = $"sections.{name}";
            if (!context.RequireKnown(path, name, sections.All.Select(s => s.Name), ("settings section", "nhóm cài đặt"), StringComparer.Ordinal))
            {
                continue;
            }

            var section = sections.Find(name)!;
            if (value is null || context.ReadValue(path, JsonSerializer.SerializeToElement(value), section.Type) is not { } read)
            {
                if (value is null)
                {
                    context.Error(path, "must not be null", "không được là null");
                }

                continue;
            }

            foreach (var error in SettingsValidation.Validate(read))
            {
                context.Error(error.Member.Length == 0 ? path : $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(error.Member)}", error.Message, error.Message);
            }
        }
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var store = context.Services.GetRequiredService<TenantSettingsStore>();
        foreach (var (name, value) in body.Sections)
        {
            var section = sections.Find(name) ?? throw new InvalidOperationException($"Unknown settings section '{name}'.");
            var stored = await store.GetStoredJsonAsync(section, cancellationToken).ConfigureAwait(false);
            var merged = JsonNode.Parse(stored ?? section.Serialize(section.CreateDefaults()))!.AsObject();
            foreach (var (member, memberValue) in value!.AsObject())
            {
                merged[member] = memberValue?.DeepClone();
            }

            var result = await store.SaveAsync(section, section.Deserialize(merged.ToJsonString()), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new RecipeException(Name, [.. result.Errors.Select(e => context.Error($"sections.{name}", e.Message, e.Message))]);
            }
        }
    }
}
