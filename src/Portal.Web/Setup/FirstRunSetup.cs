using Microsoft.Extensions.Options;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Web.Setup;

/// <summary>
/// On a database with no province portal: creates the <c>Default</c> tenant from the setup
/// recipe, then (when asked) the demo component sites, and says how to sign in.
/// </summary>
public sealed partial class FirstRunSetup(
    IServiceScopeFactory scopeFactory,
    TenantRegistry registry,
    IRecipeStore recipes,
    RecipeExecutor executor,
    IOptions<SetupOptions> options,
    ILogger<FirstRunSetup> logger)
{
    public const string AdminUserName = "admin";

    /// <summary>Returns the generated admin password when one was generated (to print once), else null.</summary>
    public async Task<SetupResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (registry.FindByName(TenantDescriptor.DefaultName) is not null)
        {
            return new SetupResult(Ran: false, GeneratedPassword: null);
        }

        var settings = options.Value;
        var recipe = recipes.Find(settings.Recipe) ?? throw new InvalidOperationException($"Setup recipe '{settings.Recipe}' was not found.");
        var demo = settings.Demo ? recipes.Find(settings.DemoRecipe) ?? throw new InvalidOperationException($"Demo recipe '{settings.DemoRecipe}' was not found.") : null;

        var generated = string.IsNullOrEmpty(settings.AdminPassword) ? PasswordGenerator.Generate() : null;
        var run = new RecipeRun();
        run.Variables["adminPassword"] = settings.AdminPassword is { Length: > 0 } configured ? configured : generated!;

        TenantDescriptor portal;
        await using (var bootstrap = scopeFactory.CreateAsyncScope())
        {
            // Creating Default writes only the global tenants table, so no tenant scope is needed.
            var provisioner = bootstrap.ServiceProvider.GetRequiredService<TenantProvisioner>();
            run.Variables["baseDomain"] = provisioner.BaseDomain;
            portal = await provisioner.EnsureDefaultAsync("Cổng Thông tin điện tử tỉnh", cancellationToken).ConfigureAwait(false);
        }

        LogSetup(logger, recipe.Name);
        await executor.ExecuteAsync(recipe, portal, run, cancellationToken).ConfigureAwait(false);
        if (demo is not null)
        {
            LogSetup(logger, demo.Name);
            await executor.ExecuteAsync(demo, registry.FindById(portal.Id) ?? portal, run, cancellationToken).ConfigureAwait(false);
        }

        return new SetupResult(Ran: true, generated);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "First run: provisioning from recipe {Recipe}")]
    private static partial void LogSetup(ILogger logger, string recipe);
}

public sealed record SetupResult(bool Ran, string? GeneratedPassword);
