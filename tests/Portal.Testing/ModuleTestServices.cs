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
    public static ServiceProvider Build(SqliteTestDatabase database, PortalModule module, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalPlatform(new ConfigurationBuilder().Build(), module);
        services.AddScoped<PortalDbContext>(sp => database.CreateContext(sp.GetRequiredService<ICurrentTenant>().Tenant));
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
