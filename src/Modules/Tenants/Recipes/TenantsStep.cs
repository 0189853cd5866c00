using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Recipes;

/// <summary>
/// <c>{"name":"tenants","tenants":[{"displayName":"Sở Tài chính","kind":"department","label":"sotaichinh","recipe":"component-site"}]}</c>:
/// provisions component sites under the current tenant; one that already exists is left as it is.
/// A named <c>recipe</c> must exist in the recipe store.
/// </summary>
public sealed class TenantsStep(IRecipeStore recipes) : RecipeStep<TenantsStep.Body>
{
    public sealed record Body(IReadOnlyList<Site> Tenants);

    public sealed record Site(string DisplayName, TenantKind Kind, string? Label = null, string? Recipe = null);

    public override string Name => "tenants";

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        for (var i = 0; i < body.Tenants.Count; i++)
        {
            var site = body.Tenants[i];
            var labelPath = string.IsNullOrWhiteSpace(site.Label) ? $"tenants[{i}].displayName" : $"tenants[{i}].label";
            if (LabelOf(site) is not { } label)
            {
                context.Error(labelPath, "no host label can be made from the name", "không tạo được tên miền con từ tên này");
            }
            else if (HostLabel.Validate(label) is { } labelError)
            {
                context.Error(labelPath, $"invalid host label '{label}'", labelError);
            }

            if (site.Recipe is { } recipe)
            {
                context.RequireKnown($"tenants[{i}].recipe", recipe, recipes.List().Select(r => r.Name), ("recipe", "kịch bản"), StringComparer.OrdinalIgnoreCase);
                if (TenantProvisioner.ProvinceOnlyRecipes.Contains(recipe.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    context.Error($"tenants[{i}].recipe", $"recipe '{recipe}' is for the province portal only",
                        $"kịch bản '{recipe}' chỉ dùng cho Cổng thông tin của tỉnh, không dùng để tạo trang thành phần");
                }
            }
        }
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var provisioner = context.Services.GetRequiredService<TenantProvisioner>();
        var directory = context.Services.GetRequiredService<ITenantDirectory>();
        for (var i = 0; i < body.Tenants.Count; i++)
        {
            var site = body.Tenants[i];
            var label = LabelOf(site)!;
            if (directory.FindByName(label) is not null)
            {
                continue;
            }

            var request = new CreateTenantRequest(site.DisplayName, site.Kind) { Label = label, Recipe = site.Recipe };
            var result = await provisioner.CreateAsync(request, context.Tenant, context.Run, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new RecipeException(Name, [.. result.Errors.Select(e => context.Error($"tenants[{i}]", e, e))]);
            }
        }
    }

    private static string? LabelOf(Site site) =>
        string.IsNullOrWhiteSpace(site.Label) ? HostLabel.FromName(site.DisplayName) : site.Label.Trim();
}
