using System.Text.Json.Nodes;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Tests;

public sealed class RichTextTests
{
    private const string Evil = "<p onclick=\"x()\">Nội dung</p><script>alert(1)</script>";
    private const string Clean = "<p>Nội dung</p>";

    [Fact]
    public async Task RichText_IsSanitisedWhereverTheMetadataPutsIt_AndOnlyThere()
    {
        using var host = new ContentsTestHost(services => services.AddContentPart<SectionsPart>());
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Report", [nameof(TitlePart), nameof(SectionsPart)],
        [
            new ContentFieldDefinition("Note", ContentFieldTypes.Html),
            new ContentFieldDefinition("Appendix", ContentFieldTypes.Html) { Part = nameof(SectionsPart) },
            new ContentFieldDefinition("Html", ContentFieldTypes.Text),
        ]);

        var item = await host.CreateAsync(tenant, "Report", "Báo cáo", new JsonObject
        {
            [nameof(TitlePart)] = new JsonObject { ["Title"] = "<b>Báo cáo</b>" },
            [nameof(SectionsPart)] = new JsonObject
            {
                ["Html"] = "<i>văn bản thường</i>",
                ["Sections"] = new JsonArray(
                    new JsonObject { ["Heading"] = "<u>Mục 1</u>", ["Intro"] = Evil, ["Content"] = new JsonObject { ["Html"] = Evil } },
                    new JsonObject { ["Heading"] = "Mục 2", ["Content"] = new JsonObject { ["Html"] = Evil } }),
                ["Appendix"] = new JsonObject { ["Html"] = Evil },
            },
            ["Note"] = new JsonObject { ["Html"] = Evil },
            ["Html"] = new JsonObject { ["Text"] = "<em>không phải HTML</em>" },
        });

        var stored = Assert.Single(host.Rows<ContentItem>(tenant)).Data;
        var sections = stored[nameof(SectionsPart)]!;
        Assert.Equal(Clean, sections["Sections"]![0]!["Intro"]!.GetValue<string>());
        Assert.Equal(Clean, sections["Sections"]![0]!["Content"]!["Html"]!.GetValue<string>());
        Assert.Equal(Clean, sections["Sections"]![1]!["Content"]!["Html"]!.GetValue<string>());
        Assert.Equal(Clean, sections["Appendix"]!["Html"]!.GetValue<string>());
        Assert.Equal(Clean, stored["Note"]!["Html"]!.GetValue<string>());
        // Plain text keeps what was typed (it is encoded when shown), whatever its property is called.
        Assert.Equal("<i>văn bản thường</i>", sections["Html"]!.GetValue<string>());
        Assert.Equal("<u>Mục 1</u>", sections["Sections"]![0]!["Heading"]!.GetValue<string>());
        Assert.Equal("<b>Báo cáo</b>", stored[nameof(TitlePart)]!["Title"]!.GetValue<string>());
        Assert.Equal("<em>không phải HTML</em>", stored["Html"]!["Text"]!.GetValue<string>());
        Assert.Equal(item.Data.ToJsonString(), stored.ToJsonString());
    }

    [Fact]
    public async Task MembersThatAreNeitherPartNorField_AreNotStored()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Page", nameof(TitlePart));

        await host.CreateAsync(tenant, "Page", "Trang", new JsonObject
        {
            [nameof(TitlePart)] = new JsonObject { ["Title"] = "Trang", ["Subtitle"] = Evil },
            ["BodyPart"] = new JsonObject { ["Html"] = Evil },
        });

        var stored = Assert.Single(host.Rows<ContentItem>(tenant)).Data;
        Assert.Equal([nameof(TitlePart)], stored.Select(p => p.Key));
        Assert.Equal(["Title"], stored[nameof(TitlePart)]!.AsObject().Select(p => p.Key));
    }
}
