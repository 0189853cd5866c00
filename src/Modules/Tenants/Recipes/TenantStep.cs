using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Recipes;

/// <summary>
/// <c>{"name":"tenant","displayName":"…","kind":"province","hosts":["{{baseDomain}}"],"cultures":["vi","en"],"theme":"Default","modules":["Contents"]}</c>:
/// sets the current tenant's settings. Every property is optional; absent ones are left as they are.
/// </summary>
public sealed class TenantStep : IRecipeStep
{
    public string Name => "tenant";

    public IEnumerable<RecipeError> Validate(JsonElement step)
    {
        if (step.GetString("kind") is { } kind && !Enum.TryParse<TenantKind>(kind, ignoreCase: true, out _))
        {
            yield return new RecipeError($"unknown kind '{kind}'", $"loại đơn vị '{kind}' không hợp lệ (province, department, commune, organisation)");
        }

        foreach (var host in step.GetStrings("hosts").Where(h => !h.Contains("{{", StringComparison.Ordinal) && !TenantProvisioner.IsValidHostName(h)))
        {
            yield return new RecipeError($"invalid host '{host}'", $"tên miền '{host}' không hợp lệ");
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var provisioner = context.Services.GetRequiredService<TenantProvisioner>();
        await provisioner.ApplySettingsAsync(context.Tenant.Id, record =>
        {
            if (step.GetString("displayName") is { Length: > 0 } displayName)
            {
                record.DisplayName = displayName;
            }

            if (step.GetString("kind") is { } kind)
            {
                record.Kind = Enum.Parse<TenantKind>(kind, ignoreCase: true);
            }

            if (step.GetString("theme") is { Length: > 0 } theme)
            {
                record.Theme = theme;
            }

            SetIfDifferent(step.GetStrings("hosts"), record.HostNames, v => record.HostNames = v);
            SetIfDifferent(step.GetStrings("cultures"), record.Cultures, v => record.Cultures = v);
            SetIfDifferent(step.GetStrings("modules"), record.EnabledModules, v => record.EnabledModules = v);
        }, cancellationToken).ConfigureAwait(false);
    }

    // Lists are replaced, not mutated, so EF sees the change; an equal list is left alone.
    private static void SetIfDifferent(IReadOnlyList<string> wanted, List<string> current, Action<List<string>> set)
    {
        if (wanted.Count > 0 && !wanted.SequenceEqual(current, StringComparer.OrdinalIgnoreCase))
        {
            set([.. wanted.Select(v => v.Trim())]);
        }
    }
}
