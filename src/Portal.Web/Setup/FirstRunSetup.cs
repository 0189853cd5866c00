using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Core.Auditing;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;
using Portal.Modules.Users.Services;
using Portal.Modules.Users.Settings;
using Portal.Web.Data;

namespace Portal.Web.Setup;

/// <summary>
/// On a database whose province portal is missing or unfinished: creates the <c>Default</c>
/// tenant from the setup recipe, then (when asked) the demo component sites, and says how to
/// sign in. All or nothing: the password and every recipe are checked before anything is
/// written; <c>Default</c> is created disabled and enabled last (the "setup completed" mark);
/// a run that fails is undone, and one that was cut off is undone by the next start.
/// </summary>
public sealed partial class FirstRunSetup(
    IServiceScopeFactory scopeFactory,
    ITenantScopeFactory tenantScopes,
    TenantRegistry registry,
    IRecipeStore recipes,
    RecipeExecutor executor,
    UnfinishedSetupRemover remover,
    InitialPasswordFile passwordFile,
    DatabaseOptions database,
    IOptions<SetupOptions> options,
    IOptions<TenantsOptions> tenantsOptions,
    ILogger<FirstRunSetup> logger)
{
    public const string AdminUserName = "admin";
    public const string PortalDisplayName = "Cổng Thông tin điện tử tỉnh";
    public const string CompletedAuditAction = "setup.completed";
    public const string AdminPasswordSetting = "Portal__Setup__AdminPassword";

    /// <summary>True when the province portal exists and its first run finished.</summary>
    public static bool IsComplete(TenantDescriptor? portal) => portal is { IsRunning: true };

    /// <summary>
    /// Provisions the portal unless it is complete. Throws <see cref="SetupException"/>, with
    /// nothing left written, when the settings or a recipe are wrong.
    /// </summary>
    public async Task<SetupResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (IsComplete(registry.FindByName(TenantDescriptor.DefaultName)))
        {
            return SetupResult.NotRun;
        }

        await using var exclusive = await SetupLock.AcquireAsync(database, cancellationToken).ConfigureAwait(false);
        // Another node may have finished the first run while this one waited for the lock.
        await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var existing = registry.FindByName(TenantDescriptor.DefaultName);
        if (IsComplete(existing))
        {
            return SetupResult.NotRun;
        }

        var settings = options.Value;
        var generated = string.IsNullOrEmpty(settings.AdminPassword) ? PasswordGenerator.Generate() : null;
        var run = new RecipeRun { SitesShareAdminPassword = generated is null && settings.SitesShareAdminPassword };
        run.Variables[TenantProvisioner.AdminPasswordVariable] = generated ?? settings.AdminPassword!;
        if (generated is not null)
        {
            run.GeneratedPasswords.Add(generated);
        }

        run.Variables["baseDomain"] = tenantsOptions.Value.BaseDomain;
        var (recipe, demo) = Check(settings, run);

        if (existing is not null)
        {
            LogUnfinished(logger);
            await remover.RemoveAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            TenantDescriptor portal;
            await using (var bootstrap = scopeFactory.CreateAsyncScope())
            {
                // Creating Default writes only the global tenants table, so no tenant scope is needed.
                portal = await bootstrap.ServiceProvider.GetRequiredService<TenantProvisioner>()
                    .EnsureDefaultAsync(PortalDisplayName, TenantState.Disabled, cancellationToken).ConfigureAwait(false);
            }

            LogSetup(logger, recipe.Name);
            await executor.ExecuteAsync(recipe, portal, run, cancellationToken).ConfigureAwait(false);
            if (demo is not null)
            {
                LogSetup(logger, demo.Name);
                await executor.ExecuteAsync(demo, registry.FindById(portal.Id) ?? portal, run, cancellationToken).ConfigureAwait(false);
            }

            await CompleteAsync(registry.FindById(portal.Id) ?? portal, demo is null ? recipe.Name : $"{recipe.Name}, {demo.Name}", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex.Message);
            await remover.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
            if (ex is RecipeException recipeError)
            {
                throw new SetupException(Failed(recipeError.UserMessage), recipeError);
            }

            throw;
        }

        // Handed to the operator once, in a file only they can read, never on standard output or in a log.
        var file = passwordFile.Write([.. run.IssuedPasswords], registry.FindByName(TenantDescriptor.DefaultName));
        return new SetupResult(Ran: true, generated) { PasswordFile = file, IssuedPasswords = run.IssuedPasswords.Count };
    }

    /// <summary>Everything that can be checked before a write: the password, the recipes and the recipes they name.</summary>
    private (RecipeDocument Recipe, RecipeDocument? Demo) Check(SetupOptions settings, RecipeRun run)
    {
        if (settings.AdminPassword is { Length: > 0 } password)
        {
            var rules = new PasswordSettings();
            var problems = PasswordRules.Check(password, rules, new VietnameseIdentityErrorDescriber());
            if (problems.Count > 0)
            {
                throw new SetupException(Failed(
                    $"mật khẩu quản trị đặt trong {AdminPasswordSetting} chưa đủ mạnh:" + Environment.NewLine +
                    string.Concat(problems.Select(p => $"  - {p.Description}{Environment.NewLine}")) +
                    PasswordRules.Describe(rules) + Environment.NewLine +
                    $"Hãy đặt một mật khẩu khác (hoặc bỏ trống {AdminPasswordSetting} để hệ thống tự sinh) rồi chạy lại."));
            }
        }

        var recipe = FindRecipe(settings.Recipe, "Portal:Setup:Recipe");
        var demo = settings.Demo ? FindRecipe(settings.DemoRecipe, "Portal:Setup:DemoRecipe") : null;
        var portal = new TenantDescriptor
        {
            Id = "setup-check",
            Name = TenantDescriptor.DefaultName,
            DisplayName = PortalDisplayName,
            Kind = TenantKind.Province,
            HostNames = [tenantsOptions.Value.BaseDomain],
        };
        try
        {
            foreach (var document in demo is null ? [recipe] : new[] { recipe, demo })
            {
                executor.Validate(document, portal, run);
                foreach (var (site, siteRecipe) in SitesCreatedBy(document))
                {
                    executor.Validate(FindRecipe(siteRecipe, $"kịch bản '{document.Name}'"), site, run);
                }
            }
        }
        catch (RecipeException ex)
        {
            throw new SetupException(Failed(ex.UserMessage), ex);
        }

        return (recipe, demo);
    }

    /// <summary>The component sites a recipe's <c>tenants</c> steps create, with the recipe each is made from.</summary>
    private IEnumerable<(TenantDescriptor Site, string Recipe)> SitesCreatedBy(RecipeDocument document) =>
        from step in document.Steps
        where string.Equals(step.Name, "tenants", StringComparison.OrdinalIgnoreCase)
              && step.Body.TryGetProperty("tenants", out var list) && list.ValueKind == JsonValueKind.Array
        from item in step.Body.GetProperty("tenants").EnumerateArray()
        let displayName = Text(item, "displayName") ?? ""
        let label = Text(item, "label") ?? HostLabel.FromName(displayName) ?? "site"
        select (new TenantDescriptor
        {
            Id = "setup-check-" + label,
            Name = label,
            DisplayName = displayName,
            HostNames = [$"{label}.{tenantsOptions.Value.BaseDomain}"],
        }, Text(item, "recipe") ?? tenantsOptions.Value.ComponentSiteRecipe);

    private static string? Text(JsonElement item, string member) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private RecipeDocument FindRecipe(string name, string namedBy) =>
        recipes.Find(name) ?? throw new SetupException(Failed($"không tìm thấy kịch bản '{name}' ({namedBy}) trong thư mục kịch bản."));

    /// <summary>The mark written last: Default enabled, and the run in its audit trail, in one save.</summary>
    private async Task CompleteAsync(TenantDescriptor portal, string recipeNames, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(portal);
        scope.ServiceProvider.GetRequiredService<IAuditLog>().Add(CompletedAuditAction, portal.Name, $"Khởi tạo từ kịch bản {recipeNames}");
        var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioner>()
            .SetStateAsync(portal.Id, TenantState.Running, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The province portal could not be enabled: " + string.Join(" ", result.Errors));
        }
    }

    private static string Failed(string reason) =>
        $"Không khởi tạo được Cổng thông tin: {reason}" + Environment.NewLine + "Không có gì được ghi vào cơ sở dữ liệu.";

    [LoggerMessage(Level = LogLevel.Information, Message = "First run: provisioning from recipe {Recipe}")]
    private static partial void LogSetup(ILogger logger, string recipe);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The previous first run did not finish: undoing it and starting again")]
    private static partial void LogUnfinished(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "First run failed and was undone: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

/// <summary>
/// What the first run did. <see cref="GeneratedPassword"/> (the province portal's, when none was
/// configured) is for the caller in this process only; every generated password is in <see cref="PasswordFile"/>.
/// </summary>
public sealed record SetupResult(bool Ran, string? GeneratedPassword)
{
    public static SetupResult NotRun { get; } = new(Ran: false, GeneratedPassword: null);

    /// <summary>The operator's file with every generated password of the run, or null when none was generated.</summary>
    public string? PasswordFile { get; init; }

    public int IssuedPasswords { get; init; }
}

/// <summary>The first run was refused or failed and was undone; the message says why, in Vietnamese.</summary>
public sealed class SetupException : Exception
{
    public SetupException()
    {
    }

    public SetupException(string message)
        : base(message)
    {
    }

    public SetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
