using System.Text.Json;
using Portal.Core.Tenancy;

namespace Portal.Core.Recipes;

/// <summary>
/// A named recipe step provided by a module. Steps must be idempotent: running a recipe a
/// second time changes nothing. Register with <c>services.AddRecipeStep&lt;T&gt;()</c>.
/// </summary>
public interface IRecipeStep
{
    /// <summary>The value of <c>"name"</c> in a recipe's step that this step runs.</summary>
    string Name { get; }

    /// <summary>Checks the step's JSON before any step of the recipe runs.</summary>
    IEnumerable<RecipeError> Validate(JsonElement step);

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

/// <summary>What a running step sees: its JSON, the tenant it runs for and that tenant's services.</summary>
public sealed record RecipeStepContext(JsonElement Step, TenantDescriptor Tenant, IServiceProvider Services, RecipeRun Run);

/// <summary>The state shared by the steps of one recipe run (and of the recipes it starts).</summary>
public sealed class RecipeRun
{
    public IDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recipe names on the call stack, to refuse a recipe that starts itself.</summary>
    public Stack<string> Recipes { get; } = new();
}
