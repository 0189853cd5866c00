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
    public async Task ContentStep_PublishedAgo_DatesANewItemThatLongBeforeTheRun_AndKeepsTheDateOnTheNextRun()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var recipe = SetupRecipe.Replace("\"published\": true, \"culture\": \"vi\",", "\"published\": true, \"culture\": \"vi\", \"publishedAgo\": \"3.04:00:00\",", StringComparison.Ordinal);
        var now = host.Clock.GetUtcNow();

        await RunAsync(host, recipe, tenant);
        await RunAsync(host, recipe, tenant);

        var page = Assert.Single(host.Rows<ContentItem>(tenant), i => i.Alias == "gioi-thieu");
        var expected = now - new TimeSpan(3, 4, 0, 0);
        Assert.Equal((expected, expected, expected), (page.PublishedUtc!.Value, page.CreatedUtc, page.ModifiedUtc));
    }

    [Fact]
    public void ContentStep_PublishedAgo_OfADraftOrNegative_IsAValidationError()
    {
        var errors = Validate("""
            { "name": "content", "items": [ { "alias": "a", "contentType": "Page", "publishedAgo": "1.00:00:00" },
              { "alias": "b", "contentType": "Page", "published": true, "publishedAgo": "-1.00:00:00" } ] }
            """);

        Assert.Equal(["$.steps[0].items[0].publishedAgo", "$.steps[0].items[1].publishedAgo"], errors.Select(e => e.Path));
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
    public void ContentStep_MissingContentTypeAndWrongData_AreValidationErrors()
    {
        var errors = Validate("""{ "name": "content", "items": [ { "alias": "a", "data": [] } ] }""");

        Assert.Equal(
            ["bước 1 'content' tại $.steps[0].items[0].data: phải là một đối tượng JSON", "bước 1 'content' tại $.steps[0].items[0].contentType: thiếu \"contentType\""],
            errors.Select(e => e.UserMessage));
        Assert.Equal("step 1 'content' at $.steps[0].items[0].contentType: \"contentType\" is required", errors[1].Message);
    }

    [Fact]
    public void ContentStep_MissingItemsAndDuplicateAliases_AreValidationErrors()
    {
        Assert.Equal("$.steps[0].items", Assert.Single(Validate("""{ "name": "content" }""")).Path);
        var duplicate = Validate("""
            { "name": "content", "items": [ { "alias": "a", "contentType": "Page" }, { "alias": "a", "contentType": "Page" } ] }
            """);
        Assert.Equal("bước 1 'content' tại $.steps[0].items[1].alias: 'a' bị khai báo hai lần", Assert.Single(duplicate).UserMessage);
    }

    [Fact]
    public void ContentTypesStep_InvalidDefinitions_AreValidationErrors()
    {
        var errors = Validate("""
            { "name": "content-types", "types": [ { "name": "Tin bài", "parts": ["TitlePart", 3], "fields": [ { "name": "Summary" } ] }, 7 ] }
            """);

        Assert.Equal(
            ["$.steps[0].types[0].parts[1]", "$.steps[0].types[0].fields[0].type", "$.steps[0].types[0].displayName", "$.steps[0].types[1]"],
            errors.Select(e => e.Path));
        Assert.Equal("step 1 'content-types' at $.steps[0].types[1]: must be an object", errors[3].Message);

        var badName = Assert.Single(Validate("""{ "name": "content-types", "types": [ { "name": "Tin bài", "displayName": "Tin bài" } ] }"""));
        Assert.Equal("bước 1 'content-types' tại $.steps[0].types[0].name: tên kiểu 'Tin bài' phải bắt đầu bằng chữ cái và chỉ gồm chữ cái không dấu, chữ số", badName.UserMessage);
    }

    [Fact]
    public void ContentTypesStep_UnknownPartOrFieldType_IsRefused_NamingTheKnownOnes()
    {
        var errors = Validate("""
            { "name": "content-types", "types": [
              { "name": "Page", "displayName": "Trang", "parts": ["TitlePart", "BodyPart"] },
              { "name": "Article", "displayName": "Tin bài", "parts": ["TitlePart", "BodyPrt"], "fields": [ { "name": "Summary", "type": "Txt" } ] } ] }
            """);

        Assert.Equal(["$.steps[0].types[1].parts[1]", "$.steps[0].types[1].fields[0].type"], errors.Select(e => e.Path));
        Assert.StartsWith("bước 1 'content-types' tại $.steps[0].types[1].parts[1]: phần 'BodyPrt' không tồn tại; các phần có thể dùng: ", errors[0].UserMessage, StringComparison.Ordinal);
        Assert.Contains("TitlePart", errors[0].UserMessage, StringComparison.Ordinal);
        Assert.StartsWith("bước 1 'content-types' tại $.steps[0].types[1].fields[0].type: kiểu trường 'Txt' không tồn tại; các kiểu có thể dùng: ", errors[1].UserMessage, StringComparison.Ordinal);
        Assert.Contains("MultilineText", errors[1].UserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPart_InTheLastStep_WritesNothing()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var recipe = SetupRecipe.Replace("""{ "name": "content", "items": [""", """
            { "name": "content-types", "types": [ { "name": "News", "displayName": "Tin", "parts": ["TitlePart"] } ] },
            { "name": "content", "items": [
            """, StringComparison.Ordinal);
        recipe = recipe[..recipe.LastIndexOf(']')] + """, { "name": "content-types", "types": [ { "name": "News", "displayName": "Tin", "parts": ["NewsPart"] } ] } ] }""";

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(host, recipe, tenant));

        var reason = Assert.Single(error.Errors);
        Assert.Equal((4, "$.steps[3].types[0].parts[0]"), (reason.Step, reason.Path));
        Assert.Empty(host.Rows<ContentTypeDefinition>(tenant));
        Assert.Empty(host.Rows<ContentItem>(tenant));
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
        Assert.Equal("step 2 'content' at $.steps[1].items[1].contentType: content type 'Article' is not defined", reason.Message);
        Assert.Equal("bước 2 'content' tại $.steps[1].items[1].contentType: kiểu nội dung 'Article' chưa được định nghĩa", reason.UserMessage);
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
        Assert.Equal((2, "$.steps[1].items[1].data.SignedOn"), (reason.Step, reason.Path));
        Assert.Contains("Trường “Ngày ký” phải là một ngày", reason.UserMessage, StringComparison.Ordinal);
        Assert.Empty(host.Rows<ContentItem>(tenant));
    }

    private static async Task RunAsync(ContentsTestHost host, string json, TenantDescriptor tenant)
    {
        var executor = host.Services.GetRequiredService<RecipeExecutor>();
        await executor.ExecuteAsync(RecipeParser.Parse(json, "test.recipe.json"), tenant);
    }

    private static List<RecipeError> Validate(string step)
    {
        using var host = new ContentsTestHost();
        var recipe = RecipeParser.Parse($$"""{ "name": "thu", "steps": [ {{step}} ] }""", "thu.recipe.json");
        var error = Assert.Throws<RecipeException>(() => host.Services.GetRequiredService<RecipeExecutor>().Validate(recipe, ContentsTestHost.NewTenant()));
        return [.. error.Errors];
    }

    private static (int Types, int Items, int Routes, int Audit) Snapshot(ContentsTestHost host, TenantDescriptor tenant) => (
        host.Rows<ContentTypeDefinition>(tenant).Count,
        host.Rows<ContentItem>(tenant).Count,
        host.Rows<RouteIndex>(tenant).Count,
        host.Rows<Portal.Core.Auditing.AuditEntry>(tenant).Count(a => a.Action.StartsWith("content.", StringComparison.Ordinal)));
}
