using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Core.Text;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

// The field types of ContentFieldTypes. Messages complete "Trường “X” phải là ...".

internal sealed class TextFieldType : ContentFieldType<TextField>
{
    public override string Name => ContentFieldTypes.Text;

    public override string DisplayName => "Văn bản một dòng";

    protected override string Expected => "văn bản ({\"Text\": \"...\"})";

    protected override bool IsEmpty(TextField value) => string.IsNullOrWhiteSpace(value.Text);

    protected override IEnumerable<string> Check(TextField value, ContentFieldDefinition field) =>
        value.Text!.Contains('\n', StringComparison.Ordinal) ? [$"Trường “{field.DisplayName}” chỉ được có một dòng."] : [];

    protected override string Text(TextField value) => value.Text ?? "";
}

internal sealed class MultilineTextFieldType : ContentFieldType<TextField>
{
    public override string Name => ContentFieldTypes.MultilineText;

    public override string DisplayName => "Văn bản nhiều dòng";

    protected override string Expected => "văn bản ({\"Text\": \"...\"})";

    protected override bool IsEmpty(TextField value) => string.IsNullOrWhiteSpace(value.Text);

    protected override string Text(TextField value) => value.Text ?? "";
}

internal sealed class HtmlFieldType : ContentFieldType<HtmlField>
{
    public override string Name => ContentFieldTypes.Html;

    public override string DisplayName => "Văn bản định dạng (HTML)";

    protected override string Expected => "văn bản định dạng ({\"Html\": \"<p>...</p>\"})";

    // Markup without text (an empty paragraph) is empty too; an image alone is not.
    protected override bool IsEmpty(HtmlField value) =>
        HtmlText.ToPlainText(value.Html).Length == 0 && !(value.Html ?? "").Contains("<img", StringComparison.OrdinalIgnoreCase);

    protected override string Text(HtmlField value) => HtmlText.ToPlainText(value.Html);
}

internal sealed class NumberFieldType : ContentFieldType<NumberField>
{
    public override string Name => ContentFieldTypes.Number;

    public override string DisplayName => "Số";

    protected override string Expected => "một số ({\"Value\": 12})";

    protected override bool IsEmpty(NumberField value) => value.Value is null;

    protected override string Text(NumberField value) => value.Value?.ToString(CultureInfo.GetCultureInfo("vi-VN")) ?? "";
}

internal sealed class BooleanFieldType : ContentFieldType<BooleanField>
{
    public override string Name => ContentFieldTypes.Boolean;

    public override string DisplayName => "Có/Không";

    protected override string Expected => "true hoặc false ({\"Value\": true})";

    protected override bool IsEmpty(BooleanField value) => value.Value is null;

    protected override string Text(BooleanField value) => value.Value switch { true => "Có", false => "Không", null => "" };
}

internal sealed class DateFieldType : ContentFieldType<DateField>
{
    public override string Name => ContentFieldTypes.Date;

    public override string DisplayName => "Ngày";

    protected override string Expected => "một ngày dạng năm-tháng-ngày ({\"Value\": \"2026-03-02\"})";

    protected override bool IsEmpty(DateField value) => value.Value is null;

    protected override string Text(DateField value) => value.Value?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}

internal sealed partial class DateTimeFieldType : ContentFieldType<DateTimeField>
{
    public override string Name => ContentFieldTypes.DateTime;

    public override string DisplayName => "Ngày giờ";

    protected override string Expected => "một thời điểm ({\"Value\": \"2026-03-02T08:00:00+07:00\"})";

    // Stored as UTC ("Z"); a value without offset is Vietnam's time, as the editor's form shows it.
    protected override void Normalize(JsonObject value)
    {
        if (value["Value"] is not JsonValue raw || raw.GetValueKind() != JsonValueKind.String)
        {
            return;
        }

        var text = raw.GetValue<string>().Trim();
        if (HasOffset().IsMatch(text) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            value["Value"] = instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        }
        else if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamTime.Zone);
            value["Value"] = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        }
    }

    protected override bool IsEmpty(DateTimeField value) => value.Value is null;

    protected override string Text(DateTimeField value) => value.Value is { } v ? VietnamTime.Format(v) : "";

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}

internal sealed class LinkFieldType : ContentFieldType<LinkField>
{
    public override string Name => ContentFieldTypes.Link;

    public override string DisplayName => "Liên kết";

    protected override string Expected => "một liên kết ({\"Url\": \"https://...\", \"Text\": \"...\"})";

    protected override bool IsEmpty(LinkField value) => string.IsNullOrWhiteSpace(value.Url);

    protected override IEnumerable<string> Check(LinkField value, ContentFieldDefinition field) =>
        IsSafeUrl(value.Url!) ? [] : [$"Trường “{field.DisplayName}”: địa chỉ phải bắt đầu bằng http://, https://, mailto: hoặc /."];

    protected override string Text(LinkField value) => string.IsNullOrWhiteSpace(value.Text) ? value.Url ?? "" : $"{value.Text} ({value.Url})";

    private static bool IsSafeUrl(string url)
    {
        url = url.Trim();
        return url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
               url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));
    }
}

internal sealed class MediaFieldType : ContentFieldType<MediaField>
{
    public override string Name => ContentFieldTypes.Media;

    public override string DisplayName => "Ảnh/tệp từ thư viện";

    protected override string Expected => "một tệp của thư viện ({\"Path\": \"anh/bia.jpg\", \"Alt\": \"...\"})";

    protected override bool IsEmpty(MediaField value) => string.IsNullOrWhiteSpace(value.Path) && string.IsNullOrWhiteSpace(value.MediaId);

    protected override IEnumerable<string> Check(MediaField value, ContentFieldDefinition field) =>
        IsLibraryPath(value.Path) ? [] : [$"Trường “{field.DisplayName}”: đường dẫn tệp không hợp lệ."];

    /// <summary>A library path (or none), never a URL of another site or a way out of the tenant's folder.</summary>
    public static bool IsLibraryPath(string? path) =>
        path is null || !(path.Contains(':', StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal));

    protected override string Text(MediaField value) =>
        string.IsNullOrWhiteSpace(value.Alt) ? value.Path ?? value.MediaId ?? "" : $"{value.Path ?? value.MediaId} ({value.Alt})";
}

internal sealed class MediaListFieldType : ContentFieldType<MediaListField>
{
    public override string Name => ContentFieldTypes.MediaList;

    public override string DisplayName => "Nhiều ảnh/tệp từ thư viện";

    protected override string Expected => "danh sách tệp của thư viện ({\"Items\": [{\"Path\": \"/media/bao-cao.pdf\", \"Alt\": \"...\", \"Name\": \"...\"}]})";

    protected override bool IsEmpty(MediaListField value) => value.Items is null or { Count: 0 };

    protected override IEnumerable<string> Check(MediaListField value, ContentFieldDefinition field)
    {
        if (value.Items.Any(i => i is null || (string.IsNullOrWhiteSpace(i.Path) && string.IsNullOrWhiteSpace(i.MediaId))))
        {
            yield return $"Trường “{field.DisplayName}”: mỗi tệp cần có đường dẫn hoặc mã tệp.";
        }
        else if (value.Items.Any(i => !MediaFieldType.IsLibraryPath(i.Path)))
        {
            yield return $"Trường “{field.DisplayName}”: đường dẫn tệp không hợp lệ.";
        }
    }

    protected override string Text(MediaListField value) =>
        string.Join(", ", value.Items.Select(i => string.IsNullOrWhiteSpace(i.Name) ? i.Path ?? i.MediaId : i.Name));
}

internal sealed class ContentPickerFieldType : ContentFieldType<ContentPickerField>
{
    public override string Name => ContentFieldTypes.ContentPicker;

    public override string DisplayName => "Chọn nội dung";

    protected override string Expected => "danh sách mã nội dung ({\"ContentItemIds\": [\"...\"]})";

    protected override bool IsEmpty(ContentPickerField value) => value.ContentItemIds is null or { Count: 0 };

    protected override IEnumerable<string> Check(ContentPickerField value, ContentFieldDefinition field) =>
        value.ContentItemIds.Any(id => string.IsNullOrWhiteSpace(id) || id.Length > ContentItem.IdLength)
            ? [$"Trường “{field.DisplayName}” có mã nội dung không hợp lệ."]
            : [];

    protected override string Text(ContentPickerField value) => string.Join(", ", value.ContentItemIds);
}

internal sealed class TaxonomyFieldType : ContentFieldType<TaxonomyField>
{
    public override string Name => ContentFieldTypes.Taxonomy;

    public override string DisplayName => "Phân loại";

    protected override string Expected => "danh sách thuật ngữ ({\"Terms\": [{\"Id\": \"...\", \"Name\": \"...\"}]})";

    protected override bool IsEmpty(TaxonomyField value) => value.Terms is null or { Count: 0 };

    protected override IEnumerable<string> Check(TaxonomyField value, ContentFieldDefinition field) =>
        value.Terms.Any(t => t is null || (string.IsNullOrWhiteSpace(t.Id) && string.IsNullOrWhiteSpace(t.Name)))
            ? [$"Trường “{field.DisplayName}”: mỗi thuật ngữ cần có mã hoặc tên."]
            : [];

    protected override string Text(TaxonomyField value) => string.Join(", ", value.Terms.Select(t => t.Name ?? t.Id));
}
