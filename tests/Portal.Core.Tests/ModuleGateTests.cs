using Microsoft.AspNetCore.Http;
using Portal.Core.Admin;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Testing;

namespace Portal.Core.Tests;

public sealed class ModuleGateTests
{
    private static readonly ModuleCatalog Catalog = new([new NewsModule(), new PlatformModule()]);

    [Theory]
    [InlineData(true, StatusCodes.Status200OK)]
    [InlineData(false, StatusCodes.Status404NotFound)]
    public async Task EndpointOfModule_AnswersOnlyWhereEnabled(bool enabled, int expected)
    {
        var tenant = SqliteTestDatabase.NewTenant("a") with { EnabledModules = enabled ? ["News"] : [] };
        var status = await RunAsync(tenant, new ModuleEndpointMetadata("News", IsAlwaysEnabled: false));
        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task EndpointOfAlwaysEnabledModule_Answers() =>
        Assert.Equal(StatusCodes.Status200OK, await RunAsync(SqliteTestDatabase.NewTenant("a"), new ModuleEndpointMetadata("Platform", IsAlwaysEnabled: true)));

    [Fact]
    public void AdminMenu_ShowsOnlyEnabledModulesEntries_AndDefaultOnlyEntriesOnTheDefaultTenant()
    {
        var plain = SqliteTestDatabase.NewTenant("a");
        Assert.Equal(["Hệ thống"], Catalog.AdminMenuFor(plain).Select(i => i.Text));

        var withNews = plain with { EnabledModules = ["news"] };
        Assert.Equal(["Tin tức", "Hệ thống"], Catalog.AdminMenuFor(withNews).Select(i => i.Text));

        var portal = withNews with { Name = TenantDescriptor.DefaultName };
        Assert.Equal(["Tin tức", "Hệ thống", "Trang thành phần"], Catalog.AdminMenuFor(portal).Select(i => i.Text));
    }

    [Fact]
    public void Catalog_RefusesTwoModulesWithOneName() =>
        Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new NewsModule(), new NewsModule()]));

    private static async Task<int> RunAsync(TenantDescriptor tenant, ModuleEndpointMetadata module)
    {
        var context = new DefaultHttpContext();
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(module), "test"));
        var current = new CurrentTenant();
        current.Set(tenant);
        var reached = false;
        var gate = new ModuleGateMiddleware(_ => { reached = true; return Task.CompletedTask; }, Catalog);
        await gate.InvokeAsync(context, current);
        return reached ? StatusCodes.Status200OK : context.Response.StatusCode;
    }

    private sealed class NewsModule : PortalModule
    {
        public override string Name => "News";
        public override string DisplayName => "Tin tức";
        public override IEnumerable<AdminMenuItem> AdminMenu => [new("Tin tức", "/admin/news", null, 10)];
    }

    private sealed class PlatformModule : PortalModule
    {
        public override string Name => "Platform";
        public override string DisplayName => "Nền tảng";
        public override bool IsAlwaysEnabled => true;

        public override IEnumerable<AdminMenuItem> AdminMenu =>
            [new("Hệ thống", "/admin/system", null, 20), new("Trang thành phần", "/admin/tenants", null, 30, DefaultTenantOnly: true)];
    }
}
