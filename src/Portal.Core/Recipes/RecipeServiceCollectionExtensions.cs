using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Core.Recipes;

public static class RecipeServiceCollectionExtensions
{
    public static IServiceCollection AddRecipeStep<T>(this IServiceCollection services)
        where T : class, IRecipeStep
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecipeStep, T>());
        return services;
    }
}
