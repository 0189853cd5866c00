using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Core.Text;

namespace Portal.Core.Recipes;

/// <summary>
/// Runs a recipe for a tenant: every step is found and validated first, so a recipe with an
/// unknown step or a malformed step changes nothing; then the steps run in order, each in
/// the tenant's scope.
/// </summary>
public sealed partial class RecipeExecutor(
    IEnumerable<IRecipeStep> steps,
    ModuleCatalog modules,
    ITenantScopeFactory scopes,
    ILogger<RecipeExecutor> logger,
    TimeProvider? clock = null)
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> StepNames => _steps.Keys;

    public async Task ExecuteAsync(RecipeDocument recipe, TenantDescriptor tenant, RecipeRun? run = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(tenant);
        run ??= new RecipeRun();
        if (run.Recipes.Contains(recipe.Name, StringComparer.OrdinalIgnoreCase))
        {
            throw new RecipeException(recipe.Source, [new RecipeError(
                $"recipe '{recipe.Name}' starts itself", $"kịch bản '{recipe.Name}' tự gọi lại chính nó")]);
        }

        var planned = Plan(recipe, Variables(tenant, run));
        run.Recipes.Push(recipe.Name);
        try
        {
            LogRecipeStarted(logger, recipe.Name, tenant.Name, planned.Count);
            foreach (var (step, location, written) in planned)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Expanded again just before it runs: an earlier step may have published a
                // variable (the media step publishes each image's address) that this one uses.
                var body = ExpandVariables(written, Variables(tenant, run));
                await using var scope = scopes.CreateScope(tenant);
                await step.ExecuteAsync(new RecipeStepContext(body, location, tenant, scope.ServiceProvider, run), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            run.Recipes.Pop();
        }
    }

    /// <summary>Checks that every step exists and accepts its JSON; throws <see cref="RecipeException"/> otherwise.</summary>
    public void Validate(RecipeDocument recipe, TenantDescriptor tenant, RecipeRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(tenant);
        Plan(recipe, Variables(tenant, run ?? new RecipeRun()));
    }

    private Dictionary<string, string> Variables(TenantDescriptor tenant, RecipeRun run)
    {
        var variables = new Dictionary<string, string>(run.Variables, StringComparer.OrdinalIgnoreCase)
        {
            ["tenant.name"] = tenant.Name,
            ["tenant.displayName"] = tenant.DisplayName,
            ["tenant.host"] = tenant.HostNames.Count > 0 ? tenant.HostNames[0] : "",
        };
        AddWeekVariables(variables, DateOnly.FromDateTime(VietnamTime.From(_clock.GetUtcNow())));
        return variables;
    }

    /// <summary>
    /// The current ISO week (<c>week.0.*</c>) and the next (<c>week.1.*</c>) in Vietnam's time, for
    /// content that belongs to a week (a work schedule): <c>number</c> (49), <c>year</c>, <c>iso</c>
    /// (2026-W49), <c>start</c> (the Monday, 2026-11-30) and each day as dd/MM/yyyy (<c>mon</c> ... <c>sun</c>).
    /// </summary>
    public static void AddWeekVariables(IDictionary<string, string> variables, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        for (var week = 0; week < 2; week++)
        {
            var start = monday.AddDays(7 * week);
            var day = start.ToDateTime(TimeOnly.MinValue);
            var (year, number) = (ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
            var prefix = $"week.{week}.";
            variables[prefix + "number"] = number.ToString(CultureInfo.InvariantCulture);
            variables[prefix + "year"] = year.ToString(CultureInfo.InvariantCulture);
            variables[prefix + "iso"] = string.Create(CultureInfo.InvariantCulture, $"{year}-W{number:00}");
            variables[prefix + "start"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var d = 0; d < DayNames.Length; d++)
            {
                variables[prefix + DayNames[d]] = start.AddDays(d).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>The steps, each checked with the variables known now; their JSON as written, expanded again when run.</summary>
    private List<(IRecipeStep Step, RecipeStepLocation Location, JsonElement Body)> Plan(RecipeDocument recipe, Dictionary<string, string> variables)
    {
        var errors = new List<RecipeError>();
        var planned = new List<(IRecipeStep, RecipeStepLocation, JsonElement)>();
        foreach (var data in recipe.Steps)
        {
            var location = new RecipeStepLocation(data.Index, data.Name);
            if (!_steps.TryGetValue(data.Name, out var step))
            {
                var known = string.Join(", ", _steps.Keys.Order(StringComparer.Ordinal));
                errors.Add(location.Error("name",
                    $"step '{data.Name}' is unknown (known: {known})",
                    $"tên bước '{data.Name}' không được hỗ trợ (các bước hiện có: {known})"));
                continue;
            }

            var context = new RecipeValidationContext(ExpandVariables(data.Body, variables), location, modules);
            step.Validate(context);
            errors.AddRange(context.Errors);
            planned.Add((step, location, data.Body));
        }

        if (errors.Count > 0)
        {
            throw new RecipeException(recipe.Source, errors);
        }

        return planned;
    }

    /// <summary>
    /// Replaces <c>{{variable}}</c> in every string of the step with the run's values; a name
    /// not (yet) known is left as written (checked as text, replaced when the step runs).
    /// </summary>
    public static JsonElement ExpandVariables(JsonElement body, IReadOnlyDictionary<string, string> variables)
    {
        var json = body.GetRawText();
        if (!json.Contains("{{", StringComparison.Ordinal))
        {
            return body;
        }

        var expanded = VariablePattern().Replace(json, m =>
            variables.TryGetValue(m.Groups[1].Value, out var value)
                ? JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()
                : m.Value);
        using var document = JsonDocument.Parse(expanded);
        return document.RootElement.Clone();
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex VariablePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Running recipe {Recipe} for tenant {TenantName} ({StepCount} steps)")]
    private static partial void LogRecipeStarted(ILogger logger, string recipe, string tenantName, int stepCount);
}
