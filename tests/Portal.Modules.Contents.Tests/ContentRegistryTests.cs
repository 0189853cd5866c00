using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Tests;

public sealed class ContentRegistryTests
{
    [Fact]
    public void AddContentPart_RegistersThePartWithItsIndexEditorAndHandler()
    {
        using var host = new ContentsTestHost(services => services
            .AddSingleton<CallLog>()
            .AddContentPart<LegalPart>().WithIndex<LegalIndex, LegalIndexProvider>().WithEditor<LegalPartEditor>().AddHandler<LegalHandler>());

        var registry = host.Services.GetRequiredService<IContentPartRegistry>();

        var legal = registry.FindPart(nameof(LegalPart));
        Assert.NotNull(legal);
        Assert.Equal(("Văn bản pháp luật", typeof(LegalPartEditor), typeof(LegalPart)), (legal.DisplayName, legal.EditorType, legal.PartType));
        Assert.Equal([typeof(LegalIndex)], legal.IndexTypes);
        Assert.Equal([nameof(TitlePart), nameof(BodyPart), nameof(RoutePart), nameof(LegalPart)], registry.Parts.Select(p => p.Name));
        Assert.Equal([typeof(RouteIndex)], registry.FindPart(nameof(RoutePart))!.IndexTypes);
        Assert.True(registry.FindPart(nameof(BodyPart))!.HasRichText);
        Assert.False(registry.FindPart(nameof(TitlePart))!.HasRichText);
        Assert.Equal(
            [ContentFieldTypes.Text, ContentFieldTypes.MultilineText, ContentFieldTypes.Html, ContentFieldTypes.Number, ContentFieldTypes.Boolean,
             ContentFieldTypes.Date, ContentFieldTypes.DateTime, ContentFieldTypes.Link, ContentFieldTypes.Media, ContentFieldTypes.MediaList, ContentFieldTypes.ContentPicker,
             ContentFieldTypes.Taxonomy],
            registry.FieldTypes.Select(t => t.Name));
        Assert.Equal([ContentFieldTypes.Html], registry.FieldTypes.Where(t => t.IsRichText).Select(t => t.Name));
    }

    [Fact]
    public async Task DefinitionStore_RefusesUnknownPartsAndFieldTypes_InVietnamese_AndSavesNothing()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();

        var error = await Assert.ThrowsAsync<ContentDefinitionException>(() => host.DefineTypeAsync(tenant, "Article",
            [nameof(TitlePart), "GalleryPart"],
            [new ContentFieldDefinition("Summary", "Textt"), new ContentFieldDefinition("Note", ContentFieldTypes.Text) { Part = "LegalPart" }]));

        Assert.Equal(["parts[1]", "fields[0].type", "fields[1].part"], error.Errors.Select(e => e.Path));
        Assert.Contains("phần 'GalleryPart' không tồn tại; các phần có thể dùng: TitlePart, BodyPart, RoutePart", error.UserMessage, StringComparison.Ordinal);
        Assert.Contains("kiểu trường 'Textt' không tồn tại", error.UserMessage, StringComparison.Ordinal);
        Assert.Contains("gắn vào phần 'LegalPart' nhưng kiểu không có phần này", error.UserMessage, StringComparison.Ordinal);
        Assert.Empty(host.Rows<ContentTypeDefinition>(tenant));
    }

    [Fact]
    public async Task DefinitionStore_RefusesDuplicatesAndBadNames()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();

        var error = await Assert.ThrowsAsync<ContentDefinitionException>(() => host.DefineTypeAsync(tenant, "Tin bài",
            [nameof(TitlePart), nameof(TitlePart)],
            [new ContentFieldDefinition("Tóm tắt", ContentFieldTypes.Text), new ContentFieldDefinition("TitlePart", ContentFieldTypes.Text)]));

        Assert.Equal(["name", "parts[1]", "fields[0].name", "fields[1].name"], error.Errors.Select(e => e.Path));
        Assert.Empty(host.Rows<ContentTypeDefinition>(tenant));
    }

    [Fact]
    public async Task AModulesPart_CanBeListedByATypeOnceRegistered()
    {
        using var host = new ContentsTestHost(services => services.AddContentPart<LegalPart>());
        var tenant = ContentsTestHost.NewTenant();

        await host.DefineTypeAsync(tenant, "LegalDocument", [nameof(TitlePart), nameof(LegalPart)],
            [new ContentFieldDefinition("SignedOn", ContentFieldTypes.Date) { DisplayName = "Ngày ký", Required = true, Part = nameof(LegalPart) }]);

        var type = Assert.Single(host.Rows<ContentTypeDefinition>(tenant));
        Assert.Equal([nameof(TitlePart), nameof(LegalPart)], type.Parts);
        var field = Assert.Single(type.Fields);
        Assert.Equal(("Ngày ký", true, "LegalPart.SignedOn"), (field.DisplayName, field.Required, field.Path));
    }

    [Fact]
    public async Task ContentTypesRecipe_WithUnknownPartOrFieldType_IsRefusedBeforeAnythingRuns()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        const string Recipe = """
            { "name": "loi", "steps": [
              { "name": "content-types", "types": [
                { "name": "Page", "displayName": "Trang", "parts": ["TitlePart"] },
                { "name": "Article", "displayName": "Tin bài", "parts": ["TitlePart", "TitelPart"],
                  "fields": [ { "name": "Summary", "type": "Text" }, { "name": "Cover", "type": "Image" } ] } ] } ] }
            """;

        var error = await Assert.ThrowsAsync<RecipeException>(() =>
            host.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeParser.Parse(Recipe, "loi.recipe.json"), tenant));

        Assert.Contains(error.Errors, e => e.Message.Contains("types[1].parts[1]: part 'TitelPart' is not registered", StringComparison.Ordinal)
                                           && e.UserMessage.Contains("phần 'TitelPart' không tồn tại", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message.Contains("types[1].fields[1].type: field type 'Image' is unknown", StringComparison.Ordinal)
                                           && e.UserMessage.Contains("kiểu trường 'Image' không tồn tại", StringComparison.Ordinal));
        Assert.Empty(host.Rows<ContentTypeDefinition>(tenant));
    }

    [Fact]
    public async Task ContentTypesRecipe_KeepsFieldSettings()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        const string Recipe = """
            { "name": "kieu", "steps": [
              { "name": "content-types", "types": [
                { "name": "Article", "displayName": "Tin bài", "parts": ["TitlePart"],
                  "fields": [ { "name": "Summary", "type": "MultilineText", "displayName": "Tóm tắt", "required": true,
                                "settings": { "rows": 4 } } ] } ] } ] }
            """;

        await host.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeParser.Parse(Recipe, "kieu.recipe.json"), tenant);

        var field = Assert.Single(Assert.Single(host.Rows<ContentTypeDefinition>(tenant)).Fields);
        Assert.Equal(new ContentFieldDefinition("Summary", ContentFieldTypes.MultilineText)
        {
            DisplayName = "Tóm tắt",
            Required = true,
            Settings = new JsonObject { ["rows"] = 4 },
        }, field);
    }
}
