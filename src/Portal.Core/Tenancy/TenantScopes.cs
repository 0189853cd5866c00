using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Tenancy;

/// <summary>Opens a DI scope that runs for a given tenant (recipes, jobs, command line, tests).</summary>
public interface ITenantScopeFactory
{
    AsyncServiceScope CreateScope(TenantDescriptor tenant);
}

public sealed class TenantScopeFactory(IServiceScopeFactory scopeFactory) : ITenantScopeFactory
{
    public AsyncServiceScope CreateScope(TenantDescriptor tenant)
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(tenant);
        CurrentTenant.SetAmbient(tenant);
        return scope;
    }
}
