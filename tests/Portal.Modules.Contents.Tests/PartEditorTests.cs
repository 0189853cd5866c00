using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Admin;

namespace Portal.Modules.Contents.Tests;

public sealed class PartEditorTests
{
    [Fact]
    public async Task AModulesPartEditor_GivesTheContentAdminItsInputs_WhichAreCheckedAndSaved()
    {
        using var host = new ContentsTestHost(services => services.AddContentPart<LegalPart>().WithEditor<LegalPartEditor>());
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Decision", "TitlePart", "BodyPart", "LegalPart");
        await using var scope = host.Scope(tenant);
        var admin = scope.ServiceProvider.GetRequiredService<ContentAdmin>();
        var type = (await admin.TypeAsync("Decision", CancellationToken.None))!;

        var fields = admin.FieldsOf(type);

        // Parts in the type's order, the body (placed after the fields) last.
        Assert.Equal(["TitlePart.Title", "LegalPart.Number", "BodyPart.Html"], fields.Select(f => f.Key));
        Assert.Equal(("Số ký hiệu", "Ví dụ: 01/2026/QĐ-UBND"), (fields[1].Label, fields[1].Hint));

        var missing = await admin.SaveAsync(type, null, Values(number: " "), expectedVersionId: null, publish: false, CancellationToken.None);
        Assert.Null(missing.Saved);
        Assert.Equal(new KeyValuePair<string, string>("LegalPart.Number", "Vui lòng nhập số ký hiệu."), Assert.Single(missing.Errors));

        var saved = await admin.SaveAsync(type, null, Values(number: "01/2026/QĐ-UBND"), expectedVersionId: null, publish: false, CancellationToken.None);
        Assert.Empty(saved.Errors);
        Assert.Equal("01/2026/QĐ-UBND", saved.Saved!.As<LegalPart>()!.Number);
    }

    [Fact]
    public async Task APartWithoutAnEditor_HasNoInputs()
    {
        using var host = new ContentsTestHost(services => services.AddContentPart<LegalPart>());
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Decision", "TitlePart", "LegalPart");
        await using var scope = host.Scope(tenant);
        var admin = scope.ServiceProvider.GetRequiredService<ContentAdmin>();

        Assert.Equal(["TitlePart.Title"], admin.FieldsOf((await admin.TypeAsync("Decision", CancellationToken.None))!).Select(f => f.Key));
    }

    private static Dictionary<string, string?> Values(string number) => new()
    {
        ["TitlePart.Title"] = "Quyết định ban hành quy chế",
        ["LegalPart.Number"] = number,
        ["BodyPart.Html"] = "<p>Nội dung</p>",
    };
}
