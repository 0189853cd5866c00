using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Models;
using Portal.Modules.Tenants.Services;

namespace Portal.Integration.Tests;

/// <summary>
/// A host name belongs to one tenant: the database refuses a second owner, every path (admin,
/// recipes, provisioner) checks first with the same Vietnamese message, and a writer that passes
/// the checks while another takes the host meanwhile is stopped by the database with that message.
/// </summary>
public abstract class TenantHostTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    [ProviderFact]
    public async Task DuplicateHost_WrittenStraightToTheDatabase_IsRefusedByTheDatabase()
    {
        var finance = app.Tenant("sotaichinh");
        var ward = app.Tenant("phandinhphung");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await db.Set<TenantHost>().AnyAsync(h => h.HostName == finance.HostNames[0] && h.TenantId == finance.Id));

        db.Set<TenantHost>().Add(new TenantHost { HostName = finance.HostNames[0], TenantId = ward.Id });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [ProviderFact]
    public async Task EveryTenantsHosts_AreInTheHostTable()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var expected = (await db.Set<TenantRecord>().AsNoTracking().ToListAsync())
            .SelectMany(t => t.HostNames.Select(h => (h, t.Id))).Order().ToList();
        var stored = (await db.Set<TenantHost>().AsNoTracking().ToListAsync()).Select(h => (h.HostName, h.TenantId)).Order().ToList();

        Assert.Contains(stored, h => h.HostName == PortalAppFactory.BaseDomain);
        Assert.Equal(expected, stored);
    }

    [ProviderFact]
    public async Task UpdateHosts_RacingAnotherWriterForTheSameHost_IsStoppedByTheDatabase_WithTheSameMessage()
    {
        var science = app.Tenant("sokhoahoccongnghe");
        var education = app.Tenant("sogiaoducdaotao");
        var host = $"dua-{Guid.NewGuid().ToString("N")[..8]}.{PortalAppFactory.BaseDomain}";

        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(app.Portal());
        WhenAboutToSave(scope.ServiceProvider, () => UpdateHostsElsewhere(education, [.. education.HostNames, host]));
        var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioner>()
            .UpdateHostsAsync(science.Id, [.. science.HostNames, host], null);

        Assert.Equal([TenantProvisioner.HostTakenMessage(host)], result.Errors);
        Assert.Equal($"Tên miền '{host}' đã được dùng cho một đơn vị khác.", result.Errors[0]);
        var rows = await StoredHostsAsync();
        Assert.Equal(education.Id, rows[host]);
        Assert.Equal(science.HostNames, app.Tenant("sokhoahoccongnghe").HostNames);
        Assert.DoesNotContain(host, (await RecordAsync(science.Id)).HostNames);
        Assert.Single(await PortalTrailAsync(), e => e.Action == TenantProvisioner.HostsRefusedAuditAction && e.Subject == science.Name && e.Details!.Contains(host, StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task Create_RacingAnotherWriterForTheNewSitesHost_IsStoppedByTheDatabase_AndCreatesNothing()
    {
        var ward = app.Tenant("phandinhphung");
        var label = "sotuphap" + Guid.NewGuid().ToString("N")[..6];
        var host = $"{label}.{PortalAppFactory.BaseDomain}";
        var before = app.Services.GetRequiredService<ITenantDirectory>().All.Count;

        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(app.Portal());
        WhenAboutToSave(scope.ServiceProvider, () => UpdateHostsElsewhere(ward, [.. ward.HostNames, host]));
        var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioner>()
            .CreateAsync(new CreateTenantRequest("Sở Tư pháp", TenantKind.Department) { Label = label }, app.Portal());

        Assert.Equal([TenantProvisioner.HostTakenMessage(host)], result.Errors);
        Assert.Null(app.Services.GetRequiredService<ITenantDirectory>().FindByName(label));
        Assert.Equal(before, app.Services.GetRequiredService<ITenantDirectory>().All.Count);
        Assert.Equal(ward.Id, (await StoredHostsAsync())[host]);
    }

    [ProviderFact]
    public async Task TenantRecipeStep_HostOfAnotherTenant_IsRefusedInVietnamese_AndChangesNothing()
    {
        var ward = app.Tenant("phandinhphung");
        var financeHost = app.Tenant("sotaichinh").HostNames[0];
        var recipe = RecipeParser.Parse($$"""
            { "name": "steal-host", "steps": [ { "name": "tenant", "hosts": ["{{ward.HostNames[0]}}", "{{financeHost}}"] } ] }
            """, "steal-host.recipe.json");

        var error = await Assert.ThrowsAsync<RecipeException>(() =>
            app.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, ward, new RecipeRun()));

        Assert.Contains($"Tên miền '{financeHost}' đã được dùng cho một đơn vị khác.", error.UserMessage, StringComparison.Ordinal);
        Assert.Equal(ward.HostNames, (await RecordAsync(ward.Id)).HostNames);
        Assert.Equal(app.Tenant("sotaichinh").Id, (await StoredHostsAsync())[financeHost]);
    }

    [ProviderFact]
    public async Task TenantsRecipeStep_NamingTheProvinceRecipe_IsRefusedBeforeAnythingRuns()
    {
        var label = "sovanhoa" + Guid.NewGuid().ToString("N")[..6];
        var recipe = RecipeParser.Parse($$"""
            { "name": "bad-sites", "steps": [ { "name": "tenants", "tenants": [ { "displayName": "Sở Văn hóa", "kind": "department", "label": "{{label}}", "recipe": "province-portal" } ] } ] }
            """, "bad-sites.recipe.json");

        var error = await Assert.ThrowsAsync<RecipeException>(() =>
            app.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, app.Portal(), new RecipeRun()));

        Assert.Contains("kịch bản 'province-portal' chỉ dùng cho Cổng thông tin của tỉnh", error.UserMessage, StringComparison.Ordinal);
        Assert.Null(app.Services.GetRequiredService<ITenantDirectory>().FindByName(label));
    }

    [ProviderFact]
    public async Task AdminHostsForm_HostOfAnotherTenant_ShowsTheMessage_AndChangesNothing()
    {
        var science = app.Tenant("sokhoahoccongnghe");
        var financeHost = app.Tenant("sotaichinh").HostNames[0];
        using var client = app.ClientFor(PortalAppFactory.BaseDomain);
        await app.SignInAsProvinceAdminAsync(client);

        var page = $"/admin/tenants/{science.Id}/edit";
        var response = await client.PostFormAsync(page, page, new Dictionary<string, string>
        {
            ["Input.HostNames"] = $"{science.HostNames[0]}\n{financeHost}",
            ["Input.UrlPrefix"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Tên miền '{financeHost}' đã được dùng cho một đơn vị khác.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(financeHost, (await RecordAsync(science.Id)).HostNames);
        Assert.Single(await PortalTrailAsync(), e => e.Action == TenantProvisioner.HostsRefusedAuditAction && e.Details!.Contains(financeHost, StringComparison.Ordinal));
    }

    /// <summary>
    /// Runs <paramref name="meanwhile"/> once, when this scope's context starts tracking a new entity
    /// (the provisioner adds the record or its audit entry only after its checks): after the checks,
    /// before the save takes any lock.
    /// </summary>
    private static void WhenAboutToSave(IServiceProvider scope, Action meanwhile)
    {
        var db = scope.GetRequiredService<PortalDbContext>();
        var done = false;
        db.ChangeTracker.Tracked += (_, e) =>
        {
            if (!done && !e.FromQuery)
            {
                done = true;
                meanwhile();
            }
        };
    }

    /// <summary>Another operator's change, committed in a scope (and a connection) of its own.</summary>
    private void UpdateHostsElsewhere(TenantDescriptor tenant, IReadOnlyList<string> hosts)
    {
        using var other = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(app.Portal());
        var result = other.ServiceProvider.GetRequiredService<TenantProvisioner>().UpdateHostsAsync(tenant.Id, hosts, tenant.UrlPrefix).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    private Task<List<AuditEntry>> PortalTrailAsync() =>
        app.InTenantAsync(app.Portal(), sp => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().AsNoTracking().ToListAsync());

    private async Task<Dictionary<string, string>> StoredHostsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<TenantHost>().AsNoTracking().ToDictionaryAsync(h => h.HostName, h => h.TenantId);
    }

    private async Task<TenantRecord> RecordAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<TenantRecord>().AsNoTracking().SingleAsync(t => t.Id == id);
    }
}

public sealed class SqliteTenantHostTests(SqliteAppFactory app) : TenantHostTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresTenantHostTests(PostgresAppFactory app) : TenantHostTests<PostgresAppFactory>(app);
