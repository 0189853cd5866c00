using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Data.Migrations;

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

    /// <summary>
    /// Declares the owner's migrations, one context per provider, both defined in the owner's
    /// assembly. They are applied at start-up in registration order: Core first, then the
    /// modules in the host's order.
    /// </summary>
    public static IServiceCollection AddModuleMigrations<TSqlite, TPostgres>(this IServiceCollection services)
        where TSqlite : SqliteModuleMigrations, new()
        where TPostgres : PostgresModuleMigrations, new()
    {
        if (typeof(TSqlite).Assembly != typeof(TPostgres).Assembly)
        {
            throw new InvalidOperationException($"{typeof(TSqlite).Name} and {typeof(TPostgres).Name} must live in the same assembly.");
        }

        var migrations = new ModuleMigrations(typeof(TSqlite), typeof(TPostgres));
        if (!services.Any(d => migrations.Equals(d.ImplementationInstance)))
        {
            services.AddSingleton(migrations);
        }

        return services;
    }

    /// <summary>
    /// Instances of the model contributors registered so far, without building a container:
    /// what a module's migrations and a module's test database are made of.
    /// </summary>
    public static IReadOnlyList<IModelContributor> ModelContributors(this IServiceCollection services) =>
        [.. services.Where(d => d.ServiceType == typeof(IModelContributor)).Select(d =>
            (IModelContributor)(d.ImplementationInstance
                ?? Activator.CreateInstance(d.ImplementationType
                    ?? throw new InvalidOperationException("Register model contributors by type (AddModelContributor<T>)."))!))];
}
