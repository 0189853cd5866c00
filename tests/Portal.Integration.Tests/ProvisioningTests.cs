using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Tenants.Services;
using Portal.Modules.Users.Models;

namespace Portal.Integration.Tests;

/// <summary>The product's own recipes on the real app: idempotent, and names refused in Vietnamese.</summary>
public abstract class ProvisioningTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    [ProviderFact]
    public async Task ProductRecipes_RunASecondTime_ChangeNothing()
    {
        var directory = app.Services.GetRequiredService<ITenantDirectory>();
        var portal = directory.FindByName(TenantDescriptor.DefaultName)!;
        var finance = directory.FindByName("sotaichinh")!;
        var before = (await CountsAsync(portal), await CountsAsync(finance), directory.All.Count);

        var recipes = app.Services.GetRequiredService<IRecipeStore>();
        var executor = app.Services.GetRequiredService<RecipeExecutor>();
        var run = new RecipeRun();
        run.Variables["adminPassword"] = PortalAppFactory.AdminPassword;
        run.Variables["baseDomain"] = PortalAppFactory.BaseDomain;
        await executor.ExecuteAsync(recipes.Find("province-portal")!, portal, run);
        await executor.ExecuteAsync(recipes.Find("demo")!, directory.FindById(portal.Id)!, run);
        await executor.ExecuteAsync(recipes.Find("component-site")!, directory.FindById(finance.Id)!, run);

        Assert.Equal(before, (await CountsAsync(portal), await CountsAsync(finance), directory.All.Count));
    }

    [ProviderFact]
    public async Task TenantNameThatYieldsNoHost_OrClashes_IsRefusedAndChangesNothing()
    {
        var directory = app.Services.GetRequiredService<ITenantDirectory>();
        var portal = directory.FindByName(TenantDescriptor.DefaultName)!;
        var before = directory.All.Count;
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(portal);
        var provisioner = scope.ServiceProvider.GetRequiredService<TenantProvisioner>();

        var empty = await provisioner.CreateAsync(new CreateTenantRequest("!!! ???", TenantKind.Department), portal);
        var clash = await provisioner.CreateAsync(new CreateTenantRequest("Sở  Tài   chính", TenantKind.Department), portal);

        Assert.Contains(empty.Errors, e => e.Contains("tên miền con", StringComparison.Ordinal));
        Assert.Contains(clash.Errors, e => e.Contains("'sotaichinh' đã được dùng", StringComparison.Ordinal));
        Assert.Equal(before, directory.All.Count);
    }

    private async Task<(int Items, int Types, int Roles, int Users, int Audit)> CountsAsync(TenantDescriptor tenant)
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.Set<ContentItem>().CountAsync(), await db.Set<ContentTypeDefinition>().CountAsync(),
            await db.Set<PortalRole>().CountAsync(), await db.Set<PortalUser>().CountAsync(), await db.Set<AuditEntry>().CountAsync());
    }
}

public sealed class SqliteProvisioningTests(SqliteAppFactory app) : ProvisioningTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresProvisioningTests(PostgresAppFactory app) : ProvisioningTests<PostgresAppFactory>(app);
