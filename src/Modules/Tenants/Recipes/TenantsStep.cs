using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Recipes;

/// <summary>
/// <c>{"name":"tenants","tenants":[{"displayName":"Sở Tài chính","kind":"department","label":"sotaichinh","recipe":"component-site"}]}</c>:
/// provisions component sites under the current tenant; one that already exists is left as it is.
/// </summary>
public sealed class TenantsStep : IRecipeStep
{
    public string Name => "tenants";

    public IEnumerable<RecipeError> Validate(JsonElement step)
    {
        if (step.RequireArray("tenants") is { } missing)
        {
            yield return missing;
            yield break;
        }

        var index = 0;
        foreach (var tenant in step.GetArray("tenants"))
        {
            index++;
            var where = $"tenants[{index}]";
            if (tenant.RequireString("displayName", where) is { } error)
            {
                yield return error;
            }

            if (!Enum.TryParse<TenantKind>(tenant.GetString("kind") ?? "", ignoreCase: true, out _))
            {
                yield return new RecipeError($"{where}: unknown kind", $"{where}: loại đơn vị không hợp lệ (department, commune, organisation)");
            }

            var label = tenant.GetString("label") ?? HostLabel.FromName(tenant.GetString("displayName") ?? "");
            if (HostLabel.Validate(label) is { } labelError)
            {
                yield return new RecipeError($"{where}: invalid host label '{label}'", $"{where}: {labelError}");
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var provisioner = context.Services.GetRequiredService<TenantProvisioner>();
        var directory = context.Services.GetRequiredService<ITenantDirectory>();
        foreach (var tenant in context.Step.GetArray("tenants"))
        {
            var displayName = tenant.GetString("displayName")!;
            var label = tenant.GetString("label") ?? HostLabel.FromName(displayName)!;
            if (directory.FindByName(label) is not null)
            {
                continue;
            }

            var request = new CreateTenantRequest(displayName, Enum.Parse<TenantKind>(tenant.GetString("kind")!, ignoreCase: true))
            {
                Label = label,
                Recipe = tenant.GetString("recipe"),
            };
            var result = await provisioner.CreateAsync(request, context.Tenant, context.Run, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new RecipeException("tenants", [.. result.Errors.Select(e => new RecipeError(e, e))]);
            }
        }
    }
}
