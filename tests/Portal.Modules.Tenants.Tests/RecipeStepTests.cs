using Portal.Core.Recipes;

namespace Portal.Modules.Tenants.Tests;

public sealed class RecipeStepTests
{
    [Theory]
    [InlineData("""{"name":"tenant","modules":["Tenants","Contnets"]}""",
        "bước 1 'tenant' tại $.steps[0].modules[1]: mô-đun 'Contnets' không tồn tại (các giá trị hợp lệ: Tenants)")]
    [InlineData("""{"name":"tenant","kind":"province","hosts":["thainguyen.gov.vn","bad host"]}""",
        "bước 1 'tenant' tại $.steps[0].hosts[1]: tên miền 'bad host' không hợp lệ")]
    [InlineData("""{"name":"tenant","kind":"tinh"}""",
        "bước 1 'tenant' tại $.steps[0].kind: giá trị 'tinh' không hợp lệ (chọn một trong: province, department, commune, organisation)")]
    [InlineData("""{"name":"tenant","module":["Tenants"]}""",
        "bước 1 'tenant' tại $.steps[0].module: thuộc tính \"module\" không được hỗ trợ (các thuộc tính hợp lệ: displayName, kind, hosts, cultures, theme, modules)")]
    [InlineData("""{"name":"tenants","tenants":[{"displayName":"Sở Tài chính","kind":"department"},{"displayName":"Sở Tư pháp"}]}""",
        "bước 1 'tenants' tại $.steps[0].tenants[1].kind: thiếu \"kind\"")]
    [InlineData("""{"name":"tenants","tenants":[{"displayName":"Sở Tài chính","kind":"department","recipe":"component-sit"}]}""",
        "bước 1 'tenants' tại $.steps[0].tenants[0].recipe: kịch bản 'component-sit' không tồn tại (các giá trị hợp lệ: component-site)")]
    [InlineData("""{"name":"tenants","tenants":[{"displayName":"Sở Tài chính","kind":"department","label":"www"}]}""",
        "bước 1 'tenants' tại $.steps[0].tenants[0].label: ")]
    [InlineData("""{"name":"tenants","tenants":[{"displayName":"!!!","kind":"department"}]}""",
        "bước 1 'tenants' tại $.steps[0].tenants[0].displayName: không tạo được tên miền con từ tên này")]
    public async Task MalformedStep_IsRefusedWithItsPath_AndWritesNothing(string step, string expected)
    {
        using var host = new TenantsTestHost();
        var province = await host.EnsureDefaultAsync();
        var before = host.TenantRows().Single();
        var recipe = RecipeParser.Parse($$"""{"name":"x","steps":[{{step}}]}""", "x.recipe.json");

        var error = await Assert.ThrowsAsync<RecipeException>(() => host.Executor.ExecuteAsync(recipe, province));

        Assert.StartsWith(expected, Assert.Single(error.Errors).UserMessage, StringComparison.Ordinal);
        var after = Assert.Single(host.TenantRows());
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.EnabledModules, after.EnabledModules);
    }

    [Fact]
    public async Task TenantStep_KnownModules_AreEnabled_AndASecondRunChangesNothing()
    {
        using var host = new TenantsTestHost();
        var province = await host.EnsureDefaultAsync();
        var recipe = RecipeParser.Parse("""{"name":"x","steps":[{"name":"tenant","kind":"province","modules":["tenants"],"cultures":["vi","en"]}]}""", "x.recipe.json");

        await host.Executor.ExecuteAsync(recipe, province);
        var first = host.TenantRows().Single();
        await host.Executor.ExecuteAsync(recipe, province);

        var second = host.TenantRows().Single();
        Assert.Equal(["tenants"], second.EnabledModules);
        Assert.Equal(["vi", "en"], second.Cultures);
        Assert.Equal(first.Version, second.Version);
    }
}
