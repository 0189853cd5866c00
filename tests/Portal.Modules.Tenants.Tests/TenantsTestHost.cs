using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Data;
using Portal.Modules.Tenants.Models;
using Portal.Modules.Tenants.Services;
using Portal.Testing;

namespace Portal.Modules.Tenants.Tests;

/// <summary>
/// The Tenants module wired as the host wires it (AddPortalPlatform + TenantsModule) over an
/// in-memory SQLite database, with recipes from a temporary folder. One per test.
/// </summary>
internal sealed class TenantsTestHost : IDisposable
{
    public const string ComponentSiteRecipe = """
        { "name": "component-site", "displayName": "Trang thành phần (thử)",
          "steps": [ { "name": "tenant", "cultures": ["vi"], "modules": ["Tenants"] } ] }
        """;

    private readonly ServiceProvider _services;
    private readonly string _recipesFolder = Path.Combine(Path.GetTempPath(), "portal-tenants-tests-" + Guid.NewGuid().ToString("N"));

    public TenantsTestHost(params (string FileName, string Json)[] recipes)
    {
        Directory.CreateDirectory(_recipesFolder);
        foreach (var (fileName, json) in recipes.Prepend(("component-site.recipe.json", ComponentSiteRecipe)))
        {
            File.WriteAllText(Path.Combine(_recipesFolder, fileName), json);
        }

        _services = ModuleTestServices.Build(new TenantsModule(), out var database,
            services => services.AddSingleton<IRecipeStore>(new FileRecipeStore(_recipesFolder)));
        Database = database;
    }

    public SqliteTestDatabase Database { get; }

    public TenantRegistry Registry => _services.GetRequiredService<TenantRegistry>();

    public RecipeExecutor Executor => _services.GetRequiredService<RecipeExecutor>();

    public IRecipeStore Recipes => _services.GetRequiredService<IRecipeStore>();

    /// <summary>Creates the province portal's tenant, as first-run setup does, and returns it.</summary>
    public async Task<TenantDescriptor> EnsureDefaultAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenantProvisioner>().EnsureDefaultAsync("Cổng Thông tin điện tử tỉnh Thái Nguyên");
    }

    /// <summary>Runs provisioner work in the acting tenant's scope, as an admin request does.</summary>
    public async Task<T> RunAsync<T>(TenantDescriptor acting, Func<TenantProvisioner, Task<T>> work)
    {
        await using var scope = _services.GetRequiredService<ITenantScopeFactory>().CreateScope(acting);
        return await work(scope.ServiceProvider.GetRequiredService<TenantProvisioner>());
    }

    public async Task<TenantResult> CreateAsync(TenantDescriptor parent, CreateTenantRequest request) =>
        await RunAsync(parent, p => p.CreateAsync(request, parent));

    public T Query<T>(TenantDescriptor acting, Func<TenantQueries, T> query)
    {
        using var scope = _services.GetRequiredService<ITenantScopeFactory>().CreateScope(acting);
        return query(scope.ServiceProvider.GetRequiredService<TenantQueries>());
    }

    /// <summary>Every stored tenant, read through a fresh context.</summary>
    public List<TenantRecord> TenantRows()
    {
        using var db = Database.CreateContext(null);
        return db.Set<TenantRecord>().AsNoTracking().ToList();
    }

    /// <summary>The audit trail of one tenant, oldest first.</summary>
    public List<AuditEntry> AuditRows(TenantDescriptor tenant)
    {
        using var db = Database.CreateContext(tenant);
        return db.Set<AuditEntry>().AsNoTracking().OrderBy(a => a.Id).ToList();
    }

    public int AuditCountAllTenants()
    {
        using var db = Database.CreateContext(null);
        return db.Set<AuditEntry>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).Count();
    }

    public void Dispose()
    {
        _services.Dispose();
        Database.Dispose();
        Directory.Delete(_recipesFolder, recursive: true);
    }
}
