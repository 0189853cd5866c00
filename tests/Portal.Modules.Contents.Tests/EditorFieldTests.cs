using System.Text.Json.Nodes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Admin;

namespace Portal.Modules.Contents.Tests;

public sealed class EditorFieldTests
{
    private static readonly ContentTypeDefinition Type = new()
    {
        Name = "Article",
        Settings = ContentTypeDefinition.BuildSettings([], [
            new ContentFieldDefinition("Categories", ContentFieldTypes.Taxonomy) { Settings = new JsonObject { ["taxonomy"] = "chuyen-muc" } },
            new ContentFieldDefinition("Tags", ContentFieldTypes.Taxonomy),
            new ContentFieldDefinition("Attachments", ContentFieldTypes.MediaList),
        ]),
    };

    private static EditorField Field(string name) => EditorField.For(Type, _ => null).Single(f => f.Container == name);

    [Fact]
    public void TaxonomyFields_NameTheirTaxonomy_AndReadWriteTermsAsIdAndName()
    {
        var categories = Field("Categories");
        Assert.Equal((EditorKind.Terms, "chuyen-muc"), (categories.Kind, categories.Taxonomy));
        Assert.Null(Field("Tags").Taxonomy);

        var data = new JsonObject();
        Assert.Null(categories.Write(data, "a1|Tin tức - Sự kiện\nThẻ tự do\n"));

        Assert.Equal("""{"Categories":{"Terms":[{"Id":"a1","Name":"Tin tức - Sự kiện"},{"Name":"Thẻ tự do"}]}}""", data.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("a1|Tin tức - Sự kiện\nThẻ tự do", categories.Read(data));
        Assert.Equal(["a1"], EditorField.TermIds(categories.Read(data)));
    }

    [Fact]
    public void MediaLists_AreOneFilePerLine_PathAltNameId()
    {
        var attachments = Field("Attachments");
        Assert.Equal((EditorKind.MediaList, "Items"), (attachments.Kind, attachments.Property));

        var data = new JsonObject();
        Assert.Null(attachments.Write(data, "/media/a.pdf |  | Báo cáo | 12\n\n/media/b.jpg | Ảnh hội nghị"));

        var items = data["Attachments"]!["Items"]!.AsArray();
        Assert.Equal(("/media/a.pdf", null, "Báo cáo", "12"), Item(items[0]!));
        Assert.Equal(("/media/b.jpg", "Ảnh hội nghị", null, null), Item(items[1]!));
        Assert.Equal("/media/a.pdf |  | Báo cáo | 12\n/media/b.jpg | Ảnh hội nghị", attachments.Read(data));
    }

    private static (string?, string?, string?, string?) Item(JsonNode item) =>
        (item["Path"]?.GetValue<string>(), item["Alt"]?.GetValue<string>(), item["Name"]?.GetValue<string>(), item["MediaId"]?.GetValue<string>());
}
