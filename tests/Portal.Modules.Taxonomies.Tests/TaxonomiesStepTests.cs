using Portal.Modules.Taxonomies.Abstractions;
using Portal.Modules.Taxonomies.Recipes;
using Portal.Modules.Taxonomies.Services;

namespace Portal.Modules.Taxonomies.Tests;

public sealed class TaxonomiesStepTests
{
    private const string Step = """
        {
          "name": "taxonomies",
          "taxonomies": [
            { "name": "chuyen-muc", "displayName": "Chuyên mục", "terms": [
              { "name": "Tin tức - Sự kiện", "slug": "tin-tuc-su-kien", "children": [
                { "name": "Hoạt động của lãnh đạo", "description": "Tin hoạt động" },
                { "name": "Đảng ủy - Đoàn thể" }
              ] },
              { "name": "Thông báo" }
            ] },
            { "name": "the", "displayName": "Thẻ" }
          ]
        }
        """;

    [Fact]
    public async Task Execute_CreatesNestedTerms_PublishesTheirIds_AndRunningAgainDuplicatesNothing()
    {
        await using var host = new TestHost(new TaxonomiesModule());
        var tenant = TestHost.NewTenant("sotaichinh");

        var first = await host.RunRecipeAsync(tenant, Step);
        var second = await host.RunRecipeAsync(tenant, Step.Replace("Thông báo", "Thông báo mới", StringComparison.Ordinal).Replace("\"name\": \"Thông báo mới\"", "\"name\": \"Thông báo mới\", \"slug\": \"thong-bao\"", StringComparison.Ordinal));

        var terms = await host.InTenantAsync(tenant, (ITaxonomyService s) => s.GetTermsAsync(TaxonomyNames.Categories));
        Assert.Equal(
            [("tin-tuc-su-kien", 0), ("hoat-dong-cua-lanh-dao", 1), ("dang-uy-doan-the", 1), ("thong-bao", 0)],
            terms.Select(t => (t.Slug, t.Depth)));
        Assert.Equal("Thông báo mới", terms[3].Name);
        Assert.Equal("Tin hoạt động", terms[1].Description);
        foreach (var term in terms)
        {
            Assert.Equal(term.Id, first.Variables[TaxonomiesStep.TermVariable("chuyen-muc", term.Slug)]);
            Assert.Equal(term.Id, second.Variables[$"taxonomy.chuyen-muc.{term.Slug}"]);
        }

        var taxonomies = await host.InTenantAsync(tenant, (TaxonomyService s) => s.ListTaxonomiesAsync());
        Assert.Equal([("Chuyên mục", 4), ("Thẻ", 0)], taxonomies.Select(t => (t.DisplayName, t.TermCount)));
    }

    [Fact]
    public async Task LaterSteps_CanUseTheTermVariables()
    {
        await using var host = new TestHost(new TaxonomiesModule());
        var tenant = TestHost.NewTenant("sotaichinh");
        var run = await host.RunRecipeAsync(tenant, Step + """
            , { "name": "taxonomies", "taxonomies": [ { "name": "the", "displayName": "Thẻ", "terms": [ { "name": "x", "description": "{{taxonomy.chuyen-muc.thong-bao}}" } ] } ] }
            """);

        var tag = await host.InTenantAsync(tenant, (ITaxonomyService s) => s.FindBySlugAsync("the", "x"));
        Assert.Equal(run.Variables["taxonomy.chuyen-muc.thong-bao"], tag!.Description);
    }

    [Fact]
    public async Task Validate_ReportsBadNamesAndRepeatedSlugs()
    {
        await using var host = new TestHost(new TaxonomiesModule());
        var error = host.ValidationError("""
            { "name": "taxonomies", "taxonomies": [
              { "name": "Chuyên mục", "displayName": "Chuyên mục" },
              { "name": "the", "displayName": "Thẻ", "terms": [ { "name": "Kinh tế" }, { "name": "x", "children": [ { "name": "Kinh  tế!" } ] }, { "name": "???" } ] },
              { "name": "the", "displayName": "Thẻ" }
            ] }
            """);

        Assert.Equal(
        [
            "$.steps[0].taxonomies[0].name",
            "$.steps[0].taxonomies[1].terms[1].children[0].slug",
            "$.steps[0].taxonomies[1].terms[2].name",
            "$.steps[0].taxonomies[2].name",
        ], error.Errors.Select(e => e.Path));
        Assert.Contains(error.Errors, e => e.UserMessage.EndsWith("đường dẫn 'kinh-te' bị dùng hai lần trong phân loại", StringComparison.Ordinal));
    }
}
