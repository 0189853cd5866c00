using System.Text.Json.Nodes;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Tests;

public sealed class ContentFieldTests
{
    private static readonly ContentFieldDefinition[] Fields =
    [
        new("Budget", ContentFieldTypes.Number) { DisplayName = "Ngân sách" },
        new("SignedOn", ContentFieldTypes.Date) { DisplayName = "Ngày ký", Required = true },
        new("Deadline", ContentFieldTypes.DateTime) { DisplayName = "Hạn trả lời" },
        new("Urgent", ContentFieldTypes.Boolean) { DisplayName = "Khẩn" },
        new("Source", ContentFieldTypes.Link) { DisplayName = "Nguồn" },
        new("Cover", ContentFieldTypes.Media) { DisplayName = "Ảnh bìa" },
        new("Related", ContentFieldTypes.ContentPicker) { DisplayName = "Tin liên quan" },
        new("Topics", ContentFieldTypes.Taxonomy) { DisplayName = "Chủ đề" },
        new("Summary", ContentFieldTypes.Text) { DisplayName = "Tóm tắt" },
        new("Attachments", ContentFieldTypes.MediaList) { DisplayName = "Tệp đính kèm" },
    ];

    [Fact]
    public async Task ValuesOfEveryFieldType_AreStoredAndReadBack()
    {
        using var host = await HostWithTypeAsync();

        var item = await host.CreateAsync(Tenant, "Notice", "Thông báo", new JsonObject
        {
            ["Budget"] = new JsonObject { ["Value"] = 1250000.5 },
            ["SignedOn"] = new JsonObject { ["Value"] = "2026-03-02" },
            ["Deadline"] = new JsonObject { ["Value"] = "2026-03-10T17:00:00" },
            ["Urgent"] = new JsonObject { ["Value"] = true },
            ["Source"] = new JsonObject { ["Url"] = "https://thainguyen.gov.vn/", ["Text"] = "Cổng tỉnh" },
            ["Cover"] = new JsonObject { ["Path"] = "anh/bia.jpg", ["Alt"] = "Trụ sở" },
            ["Related"] = new JsonObject { ["ContentItemIds"] = new JsonArray("0190e0b7c0a47a3c8f1e2d3c4b5a6978") },
            ["Topics"] = new JsonObject { ["Terms"] = new JsonArray(new JsonObject { ["Name"] = "Tài chính" }) },
            ["Attachments"] = new JsonObject
            {
                ["Items"] = new JsonArray(
                    new JsonObject { ["Path"] = "/media/bao-cao.pdf", ["MediaId"] = "7", ["Name"] = "Báo cáo" },
                    new JsonObject { ["Path"] = "/media/anh.jpg", ["Alt"] = "Hội nghị" }),
            },
        });

        var stored = Assert.Single(host.Rows<ContentItem>(Tenant));
        Assert.Equal(1250000.5m, stored.Field<NumberField>("Budget")!.Value);
        Assert.Equal(new DateOnly(2026, 3, 2), stored.Field<DateField>("SignedOn")!.Value);
        // Written in Vietnam's time without an offset: stored as the UTC instant.
        Assert.Equal("2026-03-10T10:00:00Z", stored.Data["Deadline"]!["Value"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero), stored.Field<DateTimeField>("Deadline")!.Value);
        Assert.True(stored.Field<BooleanField>("Urgent")!.Value);
        Assert.Equal("Cổng tỉnh", stored.Field<LinkField>("Source")!.Text);
        Assert.Equal("Trụ sở", stored.Field<MediaField>("Cover")!.Alt);
        Assert.Single(stored.Field<ContentPickerField>("Related")!.ContentItemIds);
        Assert.Equal("Tài chính", Assert.Single(stored.Field<TaxonomyField>("Topics")!.Terms).Name);
        Assert.Equal(
            [("/media/bao-cao.pdf", "7", null, "Báo cáo"), ("/media/anh.jpg", null, "Hội nghị", null)],
            stored.Field<MediaListField>("Attachments")!.Items.Select(i => (i.Path, i.MediaId, i.Alt, i.Name)));
        Assert.Equal(item.ContentItemVersionId, stored.ContentItemVersionId);
    }

    [Fact]
    public async Task AnInstantWithAnOffset_IsStoredInUtc()
    {
        using var host = await HostWithTypeAsync();

        await host.CreateAsync(Tenant, "Notice", "Thông báo", new JsonObject
        {
            ["SignedOn"] = new JsonObject { ["Value"] = "2026-03-02" },
            ["Deadline"] = new JsonObject { ["Value"] = "2026-03-10T08:30:00+07:00" },
        });

        Assert.Equal("2026-03-10T01:30:00Z", Assert.Single(host.Rows<ContentItem>(Tenant)).Data["Deadline"]!["Value"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValuesOfTheWrongType_AreRefusedWithVietnameseMessages_AndNothingIsSaved()
    {
        using var host = await HostWithTypeAsync();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => host.CreateAsync(Tenant, "Notice", "Thông báo", new JsonObject
        {
            ["Budget"] = new JsonObject { ["Value"] = "nhiều" },
            ["SignedOn"] = new JsonObject { ["Value"] = "02/03/2026" },
            ["Urgent"] = "có",
            ["Source"] = new JsonObject { ["Url"] = "javascript:alert(1)" },
            ["Cover"] = new JsonObject { ["Path"] = "../../tenant-khac/anh.jpg" },
            ["Summary"] = new JsonObject { ["Text"] = "dòng 1\ndòng 2" },
            ["Attachments"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Path"] = "https://khac.example/x.pdf" }) },
        }));

        Assert.Equal(
        [
            new("Budget", "Trường “Ngân sách” phải là một số ({\"Value\": 12})."),
            new("SignedOn", "Trường “Ngày ký” phải là một ngày dạng năm-tháng-ngày ({\"Value\": \"2026-03-02\"})."),
            new("Urgent", "Trường “Khẩn” phải là true hoặc false ({\"Value\": true})."),
            new("Source", "Trường “Nguồn”: địa chỉ phải bắt đầu bằng http://, https://, mailto: hoặc /."),
            new("Cover", "Trường “Ảnh bìa”: đường dẫn tệp không hợp lệ."),
            new ContentValidationError("Summary", "Trường “Tóm tắt” chỉ được có một dòng."),
            new("Attachments", "Trường “Tệp đính kèm”: đường dẫn tệp không hợp lệ."),
        ], error.Errors);
        Assert.Empty(host.Rows<ContentItem>(Tenant));
    }

    [Fact]
    public async Task AMediaListItemWithoutPathOrId_IsRefused()
    {
        using var host = await HostWithTypeAsync();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => host.CreateAsync(Tenant, "Notice", "Thông báo", new JsonObject
        {
            ["SignedOn"] = new JsonObject { ["Value"] = "2026-03-02" },
            ["Attachments"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Alt"] = "Không có tệp" }) },
        }));

        Assert.Equal(new ContentValidationError("Attachments", "Trường “Tệp đính kèm”: mỗi tệp cần có đường dẫn hoặc mã tệp."), Assert.Single(error.Errors));
    }

    [Fact]
    public async Task AnEmptyRequiredField_IsRefused()
    {
        using var host = await HostWithTypeAsync();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() =>
            host.CreateAsync(Tenant, "Notice", "Thông báo", new JsonObject { ["SignedOn"] = new JsonObject { ["Value"] = null } }));

        Assert.Equal(new ContentValidationError("SignedOn", "Trường “Ngày ký” là bắt buộc."), Assert.Single(error.Errors));
    }

    [Fact]
    public async Task APartOfTheWrongShape_IsRefused()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Page", nameof(TitlePart), nameof(RoutePart));

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => host.CreateAsync(tenant, "Page", "Trang", new JsonObject
        {
            [nameof(TitlePart)] = new JsonObject { ["Title"] = 12 },
            [nameof(RoutePart)] = "gioi-thieu",
        }));

        Assert.Equal(["TitlePart.Title", "RoutePart"], error.Errors.Select(e => e.Path));
        Assert.Equal("Phần “Tiêu đề” có giá trị sai kiểu ở “Title”.", error.Errors[0].Message);
        Assert.Equal("Phần “Đường dẫn” phải là một đối tượng JSON.", error.Errors[1].Message);
    }

    private Portal.Core.Tenancy.TenantDescriptor Tenant { get; } = ContentsTestHost.NewTenant();

    private async Task<ContentsTestHost> HostWithTypeAsync()
    {
        var host = new ContentsTestHost();
        await host.DefineTypeAsync(Tenant, "Notice", [nameof(TitlePart)], Fields);
        return host;
    }
}
