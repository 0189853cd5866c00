using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Tests;

public sealed class TenantProvisionerTests
{
    private const string BrokenRecipe = """
        { "name": "broken", "steps": [ { "name": "tenant" }, { "name": "khong-ton-tai" } ] }
        """;

    private const string ProvinceRecipe = """
        { "name": "province-test", "steps": [
          { "name": "tenants", "tenants": [ { "displayName": "Sở Tài chính", "kind": "department" } ] } ] }
        """;

    private static CreateTenantRequest Department(string name) => new(name, TenantKind.Department);

    [Fact]
    public async Task Create_DerivesLabelAndHost_AndRegistryResolvesItAtOnce()
    {
        using var host = new TenantsTestHost();
        var province = await host.EnsureDefaultAsync();

        var result = await host.CreateAsync(province, Department("Sở Tài chính"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var tenant = result.Tenant!;
        Assert.Equal("sotaichinh", tenant.Name);
        Assert.Equal(["sotaichinh.thainguyen.localhost"], tenant.HostNames);
        Assert.Equal(province.Id, tenant.ParentId);
        var match = host.Registry.Resolver.Resolve("sotaichinh.thainguyen.localhost", "/");
        Assert.Equal(tenant.Id, match?.Tenant.Id);
        Assert.Equal(["Tenants"], host.Registry.FindById(tenant.Id)!.EnabledModules);
    }

    [Fact]
    public async Task Create_ClashingLabel_IsRefusedInVietnamese_AndWritesNothing()
    {
        using var host = new TenantsTestHost();
        var province = await host.EnsureDefaultAsync();
        await host.CreateAsync(province, Department("Sở Tài chính"));
        var (tenants, audit) = (host.TenantRows().Count, host.AuditCountAllTenants());

        var result = await host.CreateAsync(province, Department("Sở  Tài  Chính"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("'sotaichinh' đã được dùng", error, StringComparison.Ordinal);
        Assert.Equal((tenants, audit), (host.TenantRows().Count, host.AuditCountAllTenants()));
    }

    [Fact]
    public async Task Create_NameWithoutLettersOrDigits_IsRefused()
    {
        using var host = new TenantsTestHost();
        var province = await host.EnsureDefaultAsync();

        var result = await host.CreateAsync(province, Department("!!! — ..."));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StartsWith("Không tạo được tên miền con", StringComparison.Ordinal));
        Assert.Single(host.TenantRows());
    }

    [Fact]
    public async Task Create_RecipeWithUnknownStep_IsRefusedBeforeAnythingIsWritten()
    {
        using var host = new TenantsTestHost(("broken.recipe.json", BrokenRecipe));
        var province = await host.EnsureDefaultAsync();
        var tenants = host.TenantRows().Count;

        var result = await host.CreateAsync(province, Department("Sở Tư pháp") with { Recipe = "broken" });

        var error = Assert.Single(result.Errors);
        Assert.Contains("'khong-ton-tai' không được hỗ trợ", error, StringComparison.Ordinal);
        Assert.Equal(tenants, host.TenantRows().Count);
        Assert.Null(host.Registry.FindByName("sotuphap"));
        Assert.Equal(0, host.AuditCountAllTenants());
    }

    [Fact]
    public async Task UpdateHosts_HostOfAnotherTenant_IsRefused()
    {
        using var host = new TenantsTestHost();
        var province = await host.EnsureDefaultAsync();
        await host.CreateAsync(province, Department("Sở Tài chính"));
        var justice = (await host.CreateAsync(province, Department("Sở Tư pháp"))).Tenant!;

        var result = await host.RunAsync(province, p => p.UpdateHostsAsync(justice.Id, ["sotuphap.thainguyen.gov.vn", "SoTaiChinh.thainguyen.localhost"], null));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Tên miền 'sotaichinh.thainguyen.localhost' đã được dùng cho một đơn vị khác.", error);
        Assert.Equal(["sotuphap.thainguyen.localhost"], host.TenantRows().Single(t => t.Id == justice.Id).HostNames);
    }

    [Fact]
    public async Task UpdateHosts_ValidList_ReplacesHostsAndReachesTheRegistry()
    {
        using var host = new TenantsTestHost();
        var province = await host.EnsureDefaultAsync();
        var justice = (await host.CreateAsync(province, Department("Sở Tư pháp"))).Tenant!;

        var result = await host.RunAsync(province, p => p.UpdateHostsAsync(justice.Id, ["sotuphap.thainguyen.gov.vn", " SOTUPHAP.thainguyen.localhost. "], "/Sotuphap/"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(["sotuphap.thainguyen.gov.vn", "sotuphap.thainguyen.localhost"], host.Registry.FindById(justice.Id)!.HostNames);
        Assert.Equal("sotuphap", host.Registry.FindById(justice.Id)!.UrlPrefix);
        Assert.Equal(justice.Id, host.Registry.Resolver.Resolve("sotuphap.thainguyen.gov.vn", "/sotuphap/gioi-thieu")?.Tenant.Id);
    }

    [Fact]
    public async Task SetState_DisablingDefault_IsRefused()
    {
        using var host = new TenantsTestHost();
        var province = await host.EnsureDefaultAsync();

        var result = await host.RunAsync(province, p => p.SetStateAsync(province.Id, TenantState.Disabled));

        Assert.Equal(["Không thể tạm ngừng Cổng thông tin của tỉnh."], result.Errors);
        Assert.True(host.Registry.FindById(province.Id)!.IsRunning);
    }

    [Fact]
    public async Task SetState_DisableThenEnable_RoundTripsAndIsAuditedInTheActingTenant()
    {
        using var host = new TenantsTestHost();
        var province = await host.EnsureDefaultAsync();
        var finance = (await host.CreateAsync(province, Department("Sở Tài chính"))).Tenant!;

        var disabled = await host.RunAsync(province, p => p.SetStateAsync(finance.Id, TenantState.Disabled));
        Assert.True(disabled.Succeeded);
        Assert.Equal(TenantState.Disabled, host.Registry.FindById(finance.Id)!.State);

        var enabled = await host.RunAsync(province, p => p.SetStateAsync(finance.Id, TenantState.Running));
        Assert.True(enabled.Succeeded);
        Assert.Equal(TenantState.Running, host.Registry.FindById(finance.Id)!.State);

        var trail = host.AuditRows(province);
        Assert.Equal(["tenant.create", "tenant.disable", "tenant.enable"], trail.Select(a => a.Action));
        Assert.All(trail, a => Assert.Equal("sotaichinh", a.Subject));
        Assert.DoesNotContain(host.AuditRows(finance), a => a.Action.StartsWith("tenant.disable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queries_SearchWithoutDiacritics_FindsVietnameseName()
    {
        using var host = new TenantsTestHost();
        var province = await host.EnsureDefaultAsync();
        await host.CreateAsync(province, Department("Sở Tài chính"));
        await host.CreateAsync(province, Department("Sở Tư pháp"));
        await host.CreateAsync(province, new CreateTenantRequest("Phường Phan Đình Phùng", TenantKind.Commune));

        var found = host.Query(province, q => q.List("tai chinh", null, null, 1));
        var communes = host.Query(province, q => q.List(null, TenantKind.Commune, null, 1));

        Assert.Equal(["Sở Tài chính"], found.Items.Select(t => t.DisplayName));
        Assert.Equal(["phandinhphung"], communes.Items.Select(t => t.Name));
    }

    [Fact]
    public async Task TenantsStep_RunTwice_CreatesTheTenantOnce()
    {
        using var host = new TenantsTestHost(("province-test.recipe.json", ProvinceRecipe));
        var province = await host.EnsureDefaultAsync();
        var recipe = host.Recipes.Find("province-test")!;

        await host.Executor.ExecuteAsync(recipe, province);
        await host.Executor.ExecuteAsync(recipe, province);

        var finance = Assert.Single(host.TenantRows(), t => t.Name == "sotaichinh");
        Assert.Equal("component-site", finance.Recipe);
        Assert.Equal(2, host.TenantRows().Count);
        Assert.Single(host.AuditRows(province), a => a.Action == "tenant.create");
    }
}
