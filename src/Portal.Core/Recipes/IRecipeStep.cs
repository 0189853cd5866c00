using System.Text.Json;
using Portal.Core.Tenancy;

namespace Portal.Core.Recipes;

/// <summary>
/// A named recipe step provided by a module. Steps must be idempotent: running a recipe a
/// second time changes nothing. Derive from <see cref="RecipeStep{TBody}"/> and register with
/// <c>services.AddRecipeStep&lt;T&gt;()</c>.
/// </summary>
public interface IRecipeStep
{
    /// <summary>The value of <c>"name"</c> in a recipe's step that this step runs.</summary>
    string Name { get; }

    /// <summary>Checks the step's JSON before any step of the recipe runs; errors go to <paramref name="context"/>.</summary>
    void Validate(RecipeValidationContext context);

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

/// <summary>What a running step sees: its JSON, where it sits in the recipe, the tenant it runs for and that tenant's services.</summary>
public sealed record RecipeStepContext(JsonElement Step, RecipeStepLocation Location, TenantDescriptor Tenant, IServiceProvider Services, RecipeRun Run)
{
    /// <summary>An error at <paramref name="path"/> (relative to the step, e.g. <c>items[1].contentType</c>), in the recipes' one format.</summary>
    public RecipeError Error(string path, string message, string userMessage) => Location.Error(path, message, userMessage);
}

/// <summary>The state shared by the steps of one recipe run (and of the recipes it starts).</summary>
public sealed class RecipeRun
{
    public IDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recipe names on the call stack, to refuse a recipe that starts itself.</summary>
    public Stack<string> Recipes { get; } = new();
}
