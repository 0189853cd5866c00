using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Recipes;

/// <summary>
/// <c>{"name":"tenant","displayName":"…","kind":"province","hosts":["{{baseDomain}}"],"cultures":["vi","en"],"theme":"Default","modules":["Contents"]}</c>:
/// sets the current tenant's settings. Every property is optional; absent ones are left as they are.
/// <c>modules</c> must name modules of the host.
/// </summary>
public sealed class TenantStep : RecipeStep<TenantStep.Body>
{
    public sealed record Body(
        string? DisplayName = null,
        TenantKind? Kind = null,
        IReadOnlyList<string>? Hosts = null,
        IReadOnlyList<string>? Cultures = null,
        string? Theme = null,
        IReadOnlyList<string>? Modules = null);

    public override string Name => "tenant";

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        var hosts = body.Hosts ?? [];
        for (var i = 0; i < hosts.Count; i++)
        {
            if (!hosts[i].Contains("{{", StringComparison.Ordinal) && !TenantProvisioner.IsValidHostName(hosts[i]))
            {
                context.Error($"hosts[{i}]", $"invalid host '{hosts[i]}'", $"tên miền '{hosts[i]}' không hợp lệ");
            }
        }

        context.RequireModules("modules", body.Modules);
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var provisioner = context.Services.GetRequiredService<TenantProvisioner>();
        var result = await provisioner.ApplySettingsAsync(context.Tenant.Id, record =>
        {
            if (body.DisplayName is { Length: > 0 } displayName)
            {
                record.DisplayName = displayName;
            }

            if (body.Kind is { } kind)
            {
                record.Kind = kind;
            }

            if (body.Theme is { Length: > 0 } theme)
            {
                record.Theme = theme;
            }

            SetIfDifferent(body.Hosts, record.HostNames, v => record.HostNames = v);
            SetIfDifferent(body.Cultures, record.Cultures, v => record.Cultures = v);
            SetIfDifferent(body.Modules, record.EnabledModules, v => record.EnabledModules = v);
        }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // A host of another tenant (or one taken meanwhile): the database holds one tenant per host.
            throw new RecipeException(Name, [.. result.Errors.Select(e => context.Error("hosts", e, e))]);
        }
    }

    // Lists are replaced, not mutated, so EF sees the change; an equal list is left alone.
    private static void SetIfDifferent(IReadOnlyList<string>? wanted, List<string> current, Action<List<string>> set)
    {
        if (wanted is { Count: > 0 } && !wanted.SequenceEqual(current, StringComparer.OrdinalIgnoreCase))
        {
            set([.. wanted.Select(v => v.Trim())]);
        }
    }
}
