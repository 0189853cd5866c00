using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Recipes;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Recipes;

/// <summary>
/// <c>{"name":"roles","roles":[{"name":"Biên tập viên","description":"...","permissions":["AccessAdmin"]}]}</c>:
/// creates missing roles and makes each listed role grant exactly its listed permissions.
/// A role without <c>"permissions"</c> keeps the ones it has.
/// </summary>
public sealed class RolesRecipeStep : IRecipeStep
{
    public const string PermissionsSetAction = "roles.permissions-set";

    public string Name => "roles";

    public IEnumerable<RecipeError> Validate(JsonElement step)
    {
        var errors = new List<RecipeError>();
        foreach (var (where, role) in StepItems.Read(step, "roles", "name", errors))
        {
            errors.AddIfAny(StepItems.OptionalString(role, "description", where));
            errors.AddIfAny(StepItems.OptionalStrings(role, "permissions", where));
        }

        return errors;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var roleManager = context.Services.GetRequiredService<RoleManager<PortalRole>>();
        var permissions = context.Services.GetRequiredService<RolePermissions>();
        var auditLog = context.Services.GetRequiredService<IAuditLog>();
        foreach (var item in context.Step.GetArray("roles"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = item.GetString("name")!.Trim();
            var description = item.GetString("description");
            var role = await roleManager.FindByNameAsync(name).ConfigureAwait(false);
            if (role is null)
            {
                role = new PortalRole(name) { Description = description };
                ThrowIfFailed(await roleManager.CreateAsync(role).ConfigureAwait(false), name);
            }
            else if (description is not null && description != role.Description)
            {
                role.Description = description;
                ThrowIfFailed(await roleManager.UpdateAsync(role).ConfigureAwait(false), name);
            }

            if (item.TryGetProperty("permissions", out _) &&
                await permissions.SetAsync(role, item.GetStrings("permissions")).ConfigureAwait(false))
            {
                await auditLog.WriteAsync(PermissionsSetAction, name, string.Join(", ", item.GetStrings("permissions")), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void ThrowIfFailed(IdentityResult result, string role)
    {
        if (!result.Succeeded)
        {
            var reasons = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new RecipeException("roles", [new RecipeError($"role '{role}' could not be saved: {reasons}", $"không lưu được vai trò '{role}': {reasons}")]);
        }
    }
}
