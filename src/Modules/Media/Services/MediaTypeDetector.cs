using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Portal.Modules.Media.Services;

/// <summary>What the content of a file says it is, or why it is refused.</summary>
public sealed record MediaDetection(MediaType? Type, string? Error)
{
    public static MediaDetection Of(MediaType type) => new(type, null);

    public static MediaDetection Refused(string error) => new(null, error);
}

/// <summary>
/// Finds a file's type from its bytes (magic numbers; for ZIP containers the entries that
/// make an OOXML or OpenDocument file), never from its name, and checks that the name's
/// extension agrees. Anything not on <see cref="MediaTypes"/>' list is refused.
/// </summary>
public static class MediaTypeDetector
{
    // A real office document has tens to a few hundred entries; a ZIP with more is refused
    // rather than walked.
    private const int MaxZipEntries = 10_000;
    private const int MaxManifestBytes = 1024 * 1024;

    private const string ContentTypesEntry = "[Content_Types].xml";

    // Main part of each OOXML type: its path and the content type [Content_Types].xml must give it.
    // Macro-enabled variants (.docm...) declare other content types and are refused.
    private static readonly (MediaType Type, string Part, string ContentType)[] OfficeOpenXml =
    [
        (MediaTypes.Docx, "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        (MediaTypes.Xlsx, "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        (MediaTypes.Pptx, "ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
    ];

    /// <summary>Detects the type of <paramref name="content"/> and checks it against <paramref name="fileName"/>'s extension.</summary>
    public static MediaDetection Detect(byte[] content, string fileName)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (content.Length == 0)
        {
            return MediaDetection.Refused("Tệp rỗng (0 byte).");
        }

        if (extension is "svg" or "svgz" || LooksLikeSvg(content))
        {
            return MediaDetection.Refused("Không nhận tệp SVG: loại tệp này có thể chứa mã độc (script). Hãy chuyển sang ảnh PNG hoặc JPEG rồi tải lên.");
        }

        var type = DetectType(content, out var error);
        if (type is null)
        {
            return MediaDetection.Refused(error ?? $"Loại tệp không được phép. Chỉ nhận: {MediaTypes.AllowedList}.");
        }

        if (extension.Length == 0)
        {
            return MediaDetection.Refused($"Tệp không có phần mở rộng; nội dung là {type.DisplayName}, hãy đặt tên tệp có đuôi .{type.Extension}.");
        }

        if (!type.Accepts(extension))
        {
            return MediaDetection.Refused($"Phần mở rộng .{extension} không khớp với nội dung tệp ({type.DisplayName}). Hãy đổi tên tệp thành đuôi .{type.Extension}.");
        }

        return MediaDetection.Of(type);
    }

    private static MediaType? DetectType(byte[] content, out string? error)
    {
        error = null;
        ReadOnlySpan<byte> b = content;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return MediaTypes.Jpeg;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return MediaTypes.Png;
        }

        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
        {
            return MediaTypes.Gif;
        }

        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaTypes.WebP;
        }

        if (b.StartsWith("%PDF-"u8))
        {
            return MediaTypes.Pdf;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 0x03, 0x04]))
        {
            return DetectZipContainer(content, out error);
        }

        if (b.StartsWith("MZ"u8) || b.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']))
        {
            error = "Không nhận tệp chương trình (exe, dll...).";
        }

        return null;
    }

    private static MediaType? DetectZipContainer(byte[] content, out string? error)
    {
        error = null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries)
            {
                error = "Tệp nén có quá nhiều thành phần.";
                return null;
            }

            // OpenDocument: a "mimetype" entry naming the type (stored first, uncompressed).
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                var declared = ReadText(mimetype).Trim();
                var type = new[] { MediaTypes.Odt, MediaTypes.Ods, MediaTypes.Odp }.FirstOrDefault(t => t.ContentType == declared);
                if (type is not null && zip.GetEntry("content.xml") is not null)
                {
                    return type;
                }
            }

            // Office Open XML: [Content_Types].xml gives the main part its content type.
            if (zip.GetEntry(ContentTypesEntry) is { } manifest)
            {
                var overrides = ReadContentTypeOverrides(manifest);
                foreach (var (type, part, contentType) in OfficeOpenXml)
                {
                    if (zip.GetEntry(part) is not null &&
                        overrides.TryGetValue("/" + part, out var declared) &&
                        string.Equals(declared, contentType, StringComparison.OrdinalIgnoreCase))
                    {
                        return type;
                    }
                }

                error = "Tệp Office không được nhận (có thể là tệp chứa macro hoặc không đúng định dạng DOCX, XLSX, PPTX).";
                return null;
            }

            error = $"Tệp nén (ZIP) không được nhận. Chỉ nhận: {MediaTypes.AllowedList}.";
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            error = "Tệp bị hỏng hoặc không đúng định dạng.";
            return null;
        }
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxManifestBytes)
        {
            throw new InvalidDataException("Entry too large.");
        }

        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, string> ReadContentTypeOverrides(ZipArchiveEntry manifest)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxManifestBytes };
        using var reader = XmlReader.Create(new StringReader(ReadText(manifest)), settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Override" &&
                reader.GetAttribute("PartName") is { } part && reader.GetAttribute("ContentType") is { } contentType)
            {
                result[part] = contentType;
            }
        }

        return result;
    }

    // SVG is XML text: look for an <svg element near the start, after an optional BOM, XML
    // declaration, comments or doctype.
    private static bool LooksLikeSvg(ReadOnlySpan<byte> content)
    {
        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 4096)]);
        var trimmed = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return trimmed.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
