using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Recipes;

namespace Portal.Modules.Contents.Tests;

public sealed class RecipeStepTests
{
    private const string SetupRecipe = """
        {
          "name": "trang-thanh-phan",
          "steps": [
            { "name": "content-types", "types": [
              { "name": "Page", "displayName": "Trang", "parts": ["TitlePart", "BodyPart", "RoutePart"] },
              { "name": "Article", "displayName": "Tin bài", "parts": ["TitlePart", "BodyPart", "RoutePart"],
                "fields": [ { "name": "Summary", "type": "Text" } ] }
            ] },
            { "name": "content", "items": [
              { "alias": "gioi-thieu", "contentType": "Page", "displayText": "Giới thiệu", "published": true, "culture": "vi",
                "data": { "TitlePart": { "Title": "Giới thiệu" },
                          "BodyPart": { "Html": "<p>Sở Tài chính <img src=\"/a.png\" onerror=\"alert(1)\"></p><script>alert(2)</script>" },
                          "RoutePart": { "Path": "gioi-thieu" } } },
              { "alias": "lien-he", "contentType": "Page", "displayText": "Liên hệ", "published": false,
                "data": { "TitlePart": { "Title": "Liên hệ" }, "RoutePart": { "Path": "lien-he" } } }
            ] }
          ]
        }
        """;

    [Fact]
    public async Task Recipe_RunTwice_ChangesNothingTheSecondTime()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();

        await RunAsync(host, SetupRecipe, tenant);
        var first = Snapshot(host, tenant);
        await RunAsync(host, SetupRecipe, tenant);

        Assert.Equal((2, 2, 2, 3), (first.Types, first.Items, first.Routes, first.Audit));
        Assert.Equal(first, Snapshot(host, tenant));
        var page = Assert.Single(host.Rows<ContentItem>(tenant), i => i.Alias == "gioi-thieu");
        Assert.True(page.Published);
        Assert.DoesNotContain("script", page.As<BodyPart>()!.Html!, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", page.As<BodyPart>()!.Html!, StringComparison.Ordinal);
        var article = Assert.Single(host.Rows<ContentTypeDefinition>(tenant), t => t.Name == "Article");
        Assert.Equal("Tin bài", article.DisplayName);
        Assert.Equal(new ContentFieldDefinition("Summary", "Text"), Assert.Single(article.Fields));
    }

    [Fact]
    public async Task ContentStep_ChangedData_AddsVersionInsteadOfOverwriting()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await RunAsync(host, SetupRecipe, tenant);

        await RunAsync(host, SetupRecipe.Replace("Sở Tài chính", "Sở Tài chính tỉnh Thái Nguyên", StringComparison.Ordinal), tenant);

        var versions = host.Rows<ContentItem>(tenant).Where(i => i.Alias == "gioi-thieu").OrderBy(i => i.Number).ToList();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.DoesNotContain("tỉnh Thái Nguyên", versions[0].As<BodyPart>()!.Html!, StringComparison.Ordinal);
        Assert.Contains("tỉnh Thái Nguyên", versions[1].As<BodyPart>()!.Html!, StringComparison.Ordinal);
        Assert.Equal([false, true], versions.Select(v => v.Published));
        Assert.Single(host.Rows<RouteIndex>(tenant), r => r.Path == "gioi-thieu");
    }

    [Fact]
    public async Task ContentStep_PublishedTrue_PublishesAnExistingDraftWithoutNewVersion()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await RunAsync(host, SetupRecipe, tenant);

        await RunAsync(host, SetupRecipe.Replace("\"published\": false", "\"published\": true", StringComparison.Ordinal), tenant);

        var contact = Assert.Single(host.Rows<ContentItem>(tenant), i => i.Alias == "lien-he");
        Assert.True(contact.Published);
    }

    [Fact]
    public async Task ContentTypesStep_ChangedDisplayName_UpdatesTheType()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await RunAsync(host, SetupRecipe, tenant);

        await RunAsync(host, SetupRecipe.Replace("\"Tin bài\"", "\"Tin tức\"", StringComparison.Ordinal), tenant);

        Assert.Equal("Tin tức", Assert.Single(host.Rows<ContentTypeDefinition>(tenant), t => t.Name == "Article").DisplayName);
        Assert.Equal(2, host.Rows<ContentTypeDefinition>(tenant).Count);
    }

    [Fact]
    public void ContentStep_MissingContentType_IsAValidationError()
    {
        var errors = new ContentStep().Validate(Step("""{ "name": "content", "items": [ { "alias": "a", "data": [] } ] }""")).ToList();

        Assert.Contains(errors, e => e.Message.Contains("\"contentType\" is required", StringComparison.Ordinal) && e.UserMessage.Contains("thiếu", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("\"data\" must be an object", StringComparison.Ordinal));
    }

    [Fact]
    public void ContentStep_MissingItemsAndDuplicateAliases_AreValidationErrors()
    {
        Assert.Single(new ContentStep().Validate(Step("""{ "name": "content" }""")));
        var duplicate = new ContentStep().Validate(Step("""
            { "name": "content", "items": [ { "alias": "a", "contentType": "Page" }, { "alias": "a", "contentType": "Page" } ] }
            """));
        Assert.Contains("listed twice", Assert.Single(duplicate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentTypesStep_InvalidDefinitions_AreValidationErrors()
    {
        using var host = new ContentsTestHost();
        var errors = TypesStep(host).Validate(Step("""
            { "name": "content-types", "types": [ { "name": "Tin bài", "parts": ["TitlePart", 3], "fields": [ { "name": "Summary" } ] }, 7 ] }
            """)).ToList();

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("type name 'Tin bài'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("\"displayName\" is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("\"parts\" must hold non-empty strings", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("fields[0]: \"type\" is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("types[1] must be a JSON object", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ContentStep_UnknownContentType_IsRefusedBeforeAnyItemIsWritten()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        const string Recipe = """
            { "name": "loi", "steps": [
              { "name": "content-types", "types": [ { "name": "Page", "displayName": "Trang" } ] },
              { "name": "content", "items": [
                { "alias": "dung", "contentType": "Page", "displayText": "Đúng" },
                { "alias": "sai", "contentType": "Article", "displayText": "Sai" } ] } ] }
            """;

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(host, Recipe, tenant));

        var reason = Assert.Single(error.Errors);
        Assert.Contains("content type 'Article' is not defined", reason.Message, StringComparison.Ordinal);
        Assert.Contains("kiểu nội dung 'Article' chưa được định nghĩa", reason.UserMessage, StringComparison.Ordinal);
        Assert.Empty(host.Rows<ContentItem>(tenant));
    }

    [Fact]
    public async Task ContentStep_FieldValueOfTheWrongType_IsRefusedBeforeAnyItemIsWritten()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        const string Recipe = """
            { "name": "loi", "steps": [
              { "name": "content-types", "types": [ { "name": "Notice", "displayName": "Thông báo", "parts": ["TitlePart"],
                "fields": [ { "name": "SignedOn", "type": "Date", "displayName": "Ngày ký" } ] } ] },
              { "name": "content", "items": [
                { "alias": "dung", "contentType": "Notice", "data": { "SignedOn": { "Value": "2026-03-02" } } },
                { "alias": "sai", "contentType": "Notice", "data": { "SignedOn": { "Value": "hôm qua" } } } ] } ] }
            """;

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(host, Recipe, tenant));

        var reason = Assert.Single(error.Errors);
        Assert.Contains("item 'sai': SignedOn is invalid", reason.Message, StringComparison.Ordinal);
        Assert.Contains("mục 'sai': Trường “Ngày ký” phải là một ngày", reason.UserMessage, StringComparison.Ordinal);
        Assert.Empty(host.Rows<ContentItem>(tenant));
    }

    private static async Task RunAsync(ContentsTestHost host, string json, TenantDescriptor tenant)
    {
        var executor = host.Services.GetRequiredService<RecipeExecutor>();
        await executor.ExecuteAsync(RecipeParser.Parse(json, "test.recipe.json"), tenant);
    }

    private static IRecipeStep TypesStep(ContentsTestHost host) =>
        host.Services.GetServices<IRecipeStep>().OfType<ContentTypesStep>().Single();

    private static System.Text.Json.JsonElement Step(string json) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();

    private static (int Types, int Items, int Routes, int Audit) Snapshot(ContentsTestHost host, TenantDescriptor tenant) => (
        host.Rows<ContentTypeDefinition>(tenant).Count,
        host.Rows<ContentItem>(tenant).Count,
        host.Rows<RouteIndex>(tenant).Count,
        host.Rows<Portal.Core.Auditing.AuditEntry>(tenant).Count(a => a.Action.StartsWith("content.", StringComparison.Ordinal)));
}
