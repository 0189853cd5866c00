using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Core.Modules;
using Portal.Modules.Tenants.Services;

namespace Portal.Integration.Tests;

/// <summary>
/// A module that a tenant has not enabled, through the real app: its public and admin endpoints
/// answer the Vietnamese 404 page and its admin menu entry is not shown; enabling it for the
/// tenant (data, no restart) brings both back.
/// </summary>
public sealed class ModuleGateTests(ModuleGateTests.GatedAppFactory app) : IClassFixture<ModuleGateTests.GatedAppFactory>
{
    [Fact]
    public async Task ModuleNotEnabledForTheTenant_Answers404InVietnamese_AndLeavesTheMenu_UntilEnabled()
    {
        using var client = app.ClientFor(PortalAppFactory.BaseDomain);
        await app.SignInAsProvinceAdminAsync(client);

        foreach (var path in new[] { "/mau-thu", "/admin/mau-thu" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var menu = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));
        Assert.DoesNotContain("href=\"/admin/mau-thu\"", menu, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/contents\"", menu, StringComparison.Ordinal);

        await SetEnabledAsync(enabled: true);
        try
        {
            Assert.Equal("công khai", await client.GetStringAsync(new Uri("/mau-thu", UriKind.Relative)));
            Assert.Equal("quản trị", await client.GetStringAsync(new Uri("/admin/mau-thu", UriKind.Relative)));
            Assert.Contains("href=\"/admin/mau-thu\"", await client.GetStringAsync(new Uri("/admin", UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            await SetEnabledAsync(enabled: false);
        }
    }

    private Task<bool> SetEnabledAsync(bool enabled) =>
        app.InTenantAsync(app.Portal(), async sp =>
        {
            await sp.GetRequiredService<TenantProvisioner>().ApplySettingsAsync(app.Portal().Id, record =>
            {
                record.EnabledModules.RemoveAll(m => m == SampleModule.ModuleName);
                if (enabled)
                {
                    record.EnabledModules.Add(SampleModule.ModuleName);
                }
            });
            return true;
        });

    /// <summary>The SQLite app with one more module, added to the catalogue as the host adds its own.</summary>
    public sealed class GatedAppFactory : SqliteAppFactory
    {
        // Provisioned with its own module catalogue, not copied from the plain app's.
        public GatedAppFactory()
            : base(fromTemplate: false)
        {
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var catalog = (ModuleCatalog)services.Single(d => d.ServiceType == typeof(ModuleCatalog)).ImplementationInstance!;
                var sample = new SampleModule();
                services.AddSingleton(new ModuleCatalog([.. catalog.Modules, sample]));
                sample.ConfigureServices(services, new ConfigurationBuilder().Build());
            });
        }
    }

    /// <summary>A module a tenant must enable: one public endpoint, one admin endpoint, one menu entry.</summary>
    public sealed class SampleModule : PortalModule
    {
        public const string ModuleName = "MauThu";

        public override string Name => ModuleName;
        public override string DisplayName => "Mẫu thử";

        public override IEnumerable<AdminMenuItem> AdminMenu => [new("Mẫu thử", "/admin/mau-thu", null, Order: 50)];

        public override void MapEndpoints(IEndpointRouteBuilder endpoints)
        {
            endpoints.MapGet("/mau-thu", () => Results.Text("công khai"));
            endpoints.MapGet("/admin/mau-thu", () => Results.Text("quản trị"));
        }
    }
}
