using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Testing;

namespace Portal.Core.Tests;

public sealed class TenantSettingsTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly SqliteTestDatabase _database;

    public TenantSettingsTests() => _services = ModuleTestServices.Build(new SampleModule(), out _database);

    [Fact]
    public async Task Get_GivesTheDefaults_UntilSaved_AndEachTenantKeepsItsOwn()
    {
        var (a, b) = (SqliteTestDatabase.NewTenant("a"), SqliteTestDatabase.NewTenant("b"));
        Assert.Equal(10, (await GetAsync(a)).Limit);

        var result = await SaveAsync(a, new SampleSettings { Limit = 25, Flag = true, Hosts = ["10.0.0.0/8"] });

        Assert.True(result.Succeeded);
        var saved = await GetAsync(a);
        Assert.Equal((25, true), (saved.Limit, saved.Flag));
        Assert.Equal(["10.0.0.0/8"], saved.Hosts);
        Assert.Equal(10, (await GetAsync(b)).Limit);
        await using var scope = _services.GetRequiredService<ITenantScopeFactory>().CreateScope(a);
        var audit = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<AuditEntry>().SingleAsync();
        Assert.Equal((TenantSettingsStore.UpdatedAction, "sample"), (audit.Action, audit.Subject));
    }

    [Fact]
    public async Task Save_RefusesAValueOutsideItsRange_InVietnamese_AndKeepsTheSavedOne()
    {
        var a = SqliteTestDatabase.NewTenant("a");
        await SaveAsync(a, new SampleSettings { Limit = 20 });

        var result = await SaveAsync(a, new SampleSettings { Limit = 500 });

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Limit", "Giới hạn phải nằm trong khoảng từ 1 đến 100."), (error.Member, error.Message));
        Assert.Equal(20, (await GetAsync(a)).Limit);
    }

    [Theory]
    [InlineData("""{"nope":{}}""", "$.steps[0].sections.nope", "nhóm cài đặt 'nope' không tồn tại (các giá trị hợp lệ: sample)")]
    [InlineData("""{"sample":{"limt":3}}""", "$.steps[0].sections.sample.limt", "thuộc tính \"limt\" không được hỗ trợ (các thuộc tính hợp lệ: limit, flag, hosts, mode)")]
    [InlineData("""{"sample":{"limit":"3"}}""", "$.steps[0].sections.sample.limit", "phải là một số")]
    [InlineData("""{"sample":{"mode":"loud"}}""", "$.steps[0].sections.sample.mode", "giá trị 'loud' không hợp lệ (chọn một trong: quiet, strict)")]
    [InlineData("""{"sample":{"limit":0}}""", "$.steps[0].sections.sample.limit", "Giới hạn phải nằm trong khoảng từ 1 đến 100.")]
    public void RecipeStep_RefusesBadSections_AtTheirPath(string sections, string path, string message)
    {
        var recipe = RecipeParser.Parse($$"""{"name":"x","steps":[{"name":"settings","sections":{{sections}}}]}""", "x.recipe.json");

        var error = Assert.Throws<RecipeException>(() => _services.GetRequiredService<RecipeExecutor>().Validate(recipe, SqliteTestDatabase.NewTenant("a")));

        var reason = Assert.Single(error.Errors);
        Assert.Equal(path, reason.Path);
        Assert.Equal($"bước 1 'settings' tại {path}: {message}", reason.UserMessage);
    }

    [Fact]
    public async Task RecipeStep_SetsTheNamedMembers_AndKeepsTheOthersAsSaved()
    {
        var a = SqliteTestDatabase.NewTenant("a");
        await SaveAsync(a, new SampleSettings { Limit = 42 });
        var recipe = RecipeParser.Parse("""{"name":"x","steps":[{"name":"settings","sections":{"sample":{"flag":true,"mode":"strict"}}}]}""", "x.recipe.json");

        await _services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, a);

        var settings = await GetAsync(a);
        Assert.Equal((42, true, SampleMode.Strict), (settings.Limit, settings.Flag, settings.Mode));
    }

    private async Task<SampleSettings> GetAsync(TenantDescriptor tenant)
    {
        await using var scope = _services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<ITenantSettings>().GetAsync<SampleSettings>();
    }

    private async Task<SettingsSaveResult> SaveAsync(TenantDescriptor tenant, SampleSettings settings)
    {
        await using var scope = _services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<ITenantSettings>().SaveAsync(settings);
    }

    public void Dispose()
    {
        _services.Dispose();
        _database.Dispose();
    }

    public enum SampleMode
    {
        Quiet,
        Strict,
    }

    [DisplayName("Cài đặt mẫu")]
    public sealed class SampleSettings : ITenantSettingsSection
    {
        public static string SectionName => "sample";

        [Display(Name = "Giới hạn")]
        [Range(1, 100)]
        public int Limit { get; set; } = 10;

        public bool Flag { get; set; }

        public List<string> Hosts { get; set; } = [];

        public SampleMode Mode { get; set; }
    }

    private sealed class SampleModule : PortalModule
    {
        public override string Name => "Sample";
        public override string DisplayName => "Mẫu";

        public override void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
            services.AddTenantSettingsSection<SampleSettings>();
    }
}
