namespace Portal.Modules.Media.Services;

/// <summary>A type of file the library accepts.</summary>
/// <param name="Extension">Canonical extension, without the dot.</param>
/// <param name="OtherExtensions">Other extensions a file of this type may carry (<c>jpeg</c>).</param>
/// <param name="DisplayName">Vietnamese name, for messages.</param>
/// <param name="Inline">Served for display in the browser (images, PDF); otherwise as an attachment.</param>
public sealed record MediaType(string Extension, string ContentType, string DisplayName, bool IsImage, bool Inline, params string[] OtherExtensions)
{
    public bool Accepts(string extension) =>
        string.Equals(extension, Extension, StringComparison.OrdinalIgnoreCase) ||
        OtherExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The allow-list: nothing else is ever stored.</summary>
public static class MediaTypes
{
    public static readonly MediaType Jpeg = new("jpg", "image/jpeg", "ảnh JPEG", IsImage: true, Inline: true, "jpeg", "jpe");
    public static readonly MediaType Png = new("png", "image/png", "ảnh PNG", IsImage: true, Inline: true);
    public static readonly MediaType Gif = new("gif", "image/gif", "ảnh GIF", IsImage: true, Inline: true);
    public static readonly MediaType WebP = new("webp", "image/webp", "ảnh WebP", IsImage: true, Inline: true);
    public static readonly MediaType Pdf = new("pdf", "application/pdf", "tài liệu PDF", IsImage: false, Inline: true);
    public static readonly MediaType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "văn bản Word (DOCX)", IsImage: false, Inline: false);
    public static readonly MediaType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "bảng tính Excel (XLSX)", IsImage: false, Inline: false);
    public static readonly MediaType Pptx = new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "bản trình chiếu PowerPoint (PPTX)", IsImage: false, Inline: false);
    public static readonly MediaType Odt = new("odt", "application/vnd.oasis.opendocument.text", "văn bản ODT", IsImage: false, Inline: false);
    public static readonly MediaType Ods = new("ods", "application/vnd.oasis.opendocument.spreadsheet", "bảng tính ODS", IsImage: false, Inline: false);
    public static readonly MediaType Odp = new("odp", "application/vnd.oasis.opendocument.presentation", "bản trình chiếu ODP", IsImage: false, Inline: false);

    public static IReadOnlyList<MediaType> All { get; } = [Jpeg, Png, Gif, WebP, Pdf, Docx, Xlsx, Pptx, Odt, Ods, Odp];

    /// <summary>For the file input's <c>accept</c> attribute and the help text.</summary>
    public static string AcceptAttribute { get; } =
        string.Join(",", All.SelectMany(t => new[] { t.Extension }.Concat(t.OtherExtensions)).Select(e => "." + e));

    public static string AllowedList { get; } = "JPEG, PNG, WebP, GIF, PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP";

    public static MediaType? FindByExtension(string extension) => All.FirstOrDefault(t => t.Extension == extension);
}
