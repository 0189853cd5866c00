using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Core.Web;
using Portal.Testing;

namespace Portal.Modules.Taxonomies.Tests;

/// <summary>The platform's real container with one module over an in-memory SQLite database; records page-cache evictions.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database;

    public TestHost(PortalModule module)
    {
        Services = ModuleTestServices.Build(module, out _database, services =>
            services.Replace(ServiceDescriptor.Singleton<IPublicPageCache>(Evictions)));
    }

    public ServiceProvider Services { get; }

    public RecordingPageCache Evictions { get; } = new();

    public static TenantDescriptor NewTenant(string name) => SqliteTestDatabase.NewTenant(name);

    public async Task<T> InTenantAsync<T, TService>(TenantDescriptor tenant, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<RecipeRun> RunRecipeAsync(TenantDescriptor tenant, string step)
    {
        var run = new RecipeRun();
        var recipe = RecipeParser.Parse($$"""{ "name": "thu", "steps": [ {{step}} ] }""", "thu.recipe.json");
        await Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, tenant, run);
        return run;
    }

    public RecipeException ValidationError(string step)
    {
        var recipe = RecipeParser.Parse($$"""{ "name": "thu", "steps": [ {{step}} ] }""", "thu.recipe.json");
        return Assert.Throws<RecipeException>(() => Services.GetRequiredService<RecipeExecutor>().Validate(recipe, NewTenant("sotaichinh")));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _database.Dispose();
    }
}

internal sealed class RecordingPageCache : IPublicPageCache
{
    private readonly List<string> _tenants = [];

    public IReadOnlyList<string> Tenants
    {
        get
        {
            lock (_tenants)
            {
                return [.. _tenants];
            }
        }
    }

    public Task EvictTenantAsync(string tenantId, string reason, CancellationToken cancellationToken = default)
    {
        lock (_tenants)
        {
            _tenants.Add(tenantId);
        }

        return Task.CompletedTask;
    }
}
