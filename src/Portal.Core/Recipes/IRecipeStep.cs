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
    /// <summary>The variable a <c>users</c> step reads for the first administrator of the site the recipe runs for.</summary>
    public const string AdminPasswordVariable = "adminPassword";

    public RecipeRun()
    {
    }

    private RecipeRun(RecipeRun parent)
    {
        Recipes = parent.Recipes;
        GeneratedPasswords = parent.GeneratedPasswords;
        IssuedPasswords = parent.IssuedPasswords;
        SitesShareAdminPassword = parent.SitesShareAdminPassword;
    }

    public IDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recipe names on the call stack, to refuse a recipe that starts itself.</summary>
    public Stack<string> Recipes { get; } = new();

    /// <summary>
    /// Passwords this run generated (never one an operator chose): an account given one must
    /// change it at its first sign-in, and it is handed to the operator once (<see cref="IssuedPasswords"/>).
    /// </summary>
    public ISet<string> GeneratedPasswords { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every account this run (and the sites it created) gave a generated password, in order.</summary>
    public IList<IssuedPassword> IssuedPasswords { get; } = [];

    /// <summary>
    /// When true, sites created by a <c>tenants</c> step get this run's <see cref="AdminPasswordVariable"/>
    /// (an operator's explicit choice, for a developer's demo); otherwise each gets a fresh one.
    /// </summary>
    public bool SitesShareAdminPassword { get; set; }

    /// <summary>
    /// The run for a component site this run creates: the same variables except the administrator's
    /// password (unless <see cref="SitesShareAdminPassword"/>), so no site inherits its parent's.
    /// </summary>
    public RecipeRun ForNewSite()
    {
        var child = new RecipeRun(this);
        foreach (var (name, value) in Variables)
        {
            if (SitesShareAdminPassword || !string.Equals(name, AdminPasswordVariable, StringComparison.OrdinalIgnoreCase))
            {
                child.Variables[name] = value;
            }
        }

        return child;
    }
}

/// <summary>A generated password given to an account: shown or handed to the operator once, stored nowhere.</summary>
public sealed record IssuedPassword(TenantDescriptor Tenant, string UserName, string Password);
