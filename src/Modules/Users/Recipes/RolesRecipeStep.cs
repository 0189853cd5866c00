using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Recipes;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Recipes;

/// <summary>
/// <c>{"name":"roles","roles":[{"name":"Biên tập viên","description":"...","permissions":["AccessAdmin"]}]}</c>:
/// creates missing roles and makes each listed role grant exactly its listed permissions, each
/// of which must be declared by a module (or be <c>*</c>). A role without <c>"permissions"</c>
/// keeps the ones it has.
/// </summary>
public sealed class RolesRecipeStep : RecipeStep<RolesRecipeStep.Body>
{
    public const string PermissionsSetAction = "roles.permissions-set";

    public sealed record Body(IReadOnlyList<Role> Roles);

    public sealed record Role(string Name, string? Description = null, IReadOnlyList<string>? Permissions = null);

    public override string Name => "roles";

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        context.RequireUnique("roles", body.Roles, r => r.Name, "name", StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < body.Roles.Count; i++)
        {
            context.RequirePermissions($"roles[{i}].permissions", body.Roles[i].Permissions);
        }
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var roleManager = context.Services.GetRequiredService<RoleManager<PortalRole>>();
        var permissions = context.Services.GetRequiredService<RolePermissions>();
        var auditLog = context.Services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < body.Roles.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (name, description, granted) = body.Roles[i] with { Name = body.Roles[i].Name.Trim() };
            var role = await roleManager.FindByNameAsync(name).ConfigureAwait(false);
            if (role is null)
            {
                role = new PortalRole(name) { Description = description };
                ThrowIfFailed(await roleManager.CreateAsync(role).ConfigureAwait(false), context, i, name);
            }
            else if (description is not null && description != role.Description)
            {
                role.Description = description;
                ThrowIfFailed(await roleManager.UpdateAsync(role).ConfigureAwait(false), context, i, name);
            }

            if (granted is not null && await permissions.SetAsync(role, granted).ConfigureAwait(false))
            {
                await auditLog.WriteAsync(PermissionsSetAction, name, string.Join(", ", granted), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void ThrowIfFailed(IdentityResult result, RecipeStepContext context, int index, string role)
    {
        if (!result.Succeeded)
        {
            var reasons = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new RecipeException(Name, [context.Error($"roles[{index}]", $"role '{role}' could not be saved: {reasons}", $"không lưu được vai trò '{role}': {reasons}")]);
        }
    }
}
