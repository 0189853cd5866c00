using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Tests;

public sealed class ContentVersionDiffTests
{
    [Fact]
    public async Task CompareAsync_ListsChangesPerPartAndField_WithAWordDiffOfText()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Article", [nameof(TitlePart), nameof(BodyPart)],
        [
            new ContentFieldDefinition("Budget", ContentFieldTypes.Number) { DisplayName = "Ngân sách" },
            new ContentFieldDefinition("SignedOn", ContentFieldTypes.Date) { DisplayName = "Ngày ký" },
        ]);
        var v1 = await host.CreateAsync(tenant, "Article", "Kế hoạch năm", new JsonObject
        {
            [nameof(TitlePart)] = new JsonObject { ["Title"] = "Kế hoạch tài chính năm 2026" },
            [nameof(BodyPart)] = new JsonObject { ["Html"] = "<p>Dòng một.</p><p>Dòng <strong>hai</strong>.</p>" },
            ["Budget"] = new JsonObject { ["Value"] = 100 },
        });
        var edited = v1.Copy();
        edited.DisplayText = "Kế hoạch năm";
        edited.Data = new JsonObject
        {
            [nameof(TitlePart)] = new JsonObject { ["Title"] = "Kế hoạch ngân sách năm 2026" },
            [nameof(BodyPart)] = new JsonObject { ["Html"] = "<p>Dòng một.</p><p>Dòng <em>hai</em>.</p><p>Dòng ba.</p>" },
            ["Budget"] = new JsonObject { ["Value"] = 120 },
            ["SignedOn"] = new JsonObject { ["Value"] = "2026-03-02" },
        };
        var v2 = await host.RunAsync(tenant, contents => contents.SaveDraftAsync(edited));

        await using var scope = host.Scope(tenant);
        var changes = await scope.ServiceProvider.GetRequiredService<IContentVersionDiff>()
            .CompareAsync(v1.ContentItemId, v1.ContentItemVersionId, v2.ContentItemVersionId);

        Assert.NotNull(changes);
        Assert.Equal(["TitlePart.Title", "BodyPart.Html", "Budget", "SignedOn"], changes.Select(c => c.Path));

        var title = changes[0];
        Assert.Equal(("Tiêu đề › Title", ContentChangeKind.Modified), (title.Label, title.Kind));
        Assert.Equal(
        [
            new(TextDiffOperation.Equal, "Kế hoạch "),
            new(TextDiffOperation.Deleted, "tài chính"),
            new(TextDiffOperation.Inserted, "ngân sách"),
            new TextDiffSegment(TextDiffOperation.Equal, " năm 2026"),
        ], title.Segments);

        // Rich text is compared as its text: a change of formatting only is not a change of words.
        var body = changes[1];
        Assert.Equal(("Dòng một.\nDòng hai.", "Dòng một.\nDòng hai.\nDòng ba."), (body.OldText, body.NewText));
        Assert.Equal([TextDiffOperation.Equal, TextDiffOperation.Inserted], body.Segments.Select(s => s.Operation));
        Assert.Equal("\nDòng ba.", body.Segments[1].Text);

        Assert.Equal(("Ngân sách", "100", "120", ContentChangeKind.Modified), (changes[2].Label, changes[2].OldText, changes[2].NewText, changes[2].Kind));
        Assert.Equal(("Ngày ký", null, "02/03/2026", ContentChangeKind.Added), (changes[3].Label, changes[3].OldText, changes[3].NewText, changes[3].Kind));
    }

    [Fact]
    public async Task CompareAsync_OfEqualVersions_IsEmpty_AndOfAnotherItemsVersion_IsNull()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: false);
        var v2 = await host.RunAsync(tenant, contents => contents.SaveDraftAsync(v1));
        var other = await host.CreatePageAsync(tenant, "Liên hệ", "lien-he", publish: false);

        await using var scope = host.Scope(tenant);
        var diff = scope.ServiceProvider.GetRequiredService<IContentVersionDiff>();

        Assert.Empty((await diff.CompareAsync(v1.ContentItemId, v1.ContentItemVersionId, v2.ContentItemVersionId))!);
        Assert.Null(await diff.CompareAsync(v1.ContentItemId, v1.ContentItemVersionId, other.ContentItemVersionId));
    }
}
