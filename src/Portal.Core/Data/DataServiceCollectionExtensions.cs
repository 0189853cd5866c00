using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Adds a module's entities to the one EF Core model.</summary>
    public static IServiceCollection AddModelContributor<T>(this IServiceCollection services)
        where T : class, IModelContributor
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelContributor, T>());
        return services;
    }
}
