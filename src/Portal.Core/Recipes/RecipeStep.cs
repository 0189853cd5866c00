namespace Portal.Core.Recipes;

/// <summary>
/// A recipe step whose JSON is read into <typeparamref name="TBody"/>, a record whose
/// constructor parameters are the step's members (camelCase in JSON; the step's own
/// <c>"name"</c> is not part of it). Unknown members, missing required members, wrong types
/// and blank required strings are refused before any step of the recipe runs (see
/// <see cref="RecipeValidationContext.Read{TBody}"/>); <see cref="Validate(TBody, RecipeValidationContext)"/>
/// then adds the step's own checks (known modules, permissions, names listed twice...).
/// </summary>
public abstract class RecipeStep<TBody> : IRecipeStep where TBody : class
{
    public abstract string Name { get; }

    public void Validate(RecipeValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Read<TBody>() is { } body)
        {
            Validate(body, context);
        }
    }

    public Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(RecipeBodyReader.Deserialize<TBody>(context.Step), context, cancellationToken);
    }

    /// <summary>The step's own checks of a body that has the right shape; report errors to <paramref name="context"/>.</summary>
    protected virtual void Validate(TBody body, RecipeValidationContext context)
    {
    }

    /// <summary>Runs the step with the body that passed validation.</summary>
    protected abstract Task ExecuteAsync(TBody body, RecipeStepContext context, CancellationToken cancellationToken);
}
