using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Tenancy;

namespace Portal.Testing;

/// <summary>
/// The real container of the platform with one module, wired as the host wires it, over a
/// <see cref="SqliteTestDatabase"/> that stands in for the host's provider-specific context.
/// </summary>
public static class ModuleTestServices
{
    /// <summary>
    /// The platform and <paramref name="module"/> (plus what <paramref name="configure"/> adds),
    /// over a new database whose tables are those of every model contributor the container
    /// registers: the platform's, the module's, and any a test adds (a test part's index), never
    /// a hand-made list that can drift from what the module really registers.
    /// </summary>
    public static ServiceProvider Build(PortalModule module, out SqliteTestDatabase database, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalPlatform(new ConfigurationBuilder().Build(), module);
        configure?.Invoke(services);
        var created = database = SqliteTestDatabase.ForModel(services.ModelContributors());
        services.AddScoped<PortalDbContext>(sp => created.CreateContext(sp.GetRequiredService<ICurrentTenant>().Tenant));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
