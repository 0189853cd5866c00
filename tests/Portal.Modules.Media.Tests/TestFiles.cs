using System.IO.Compression;
using System.Text;
using ImageMagick;

namespace Portal.Modules.Media.Tests;

/// <summary>Real, minimal files of every accepted type (and forged ones), made in memory.</summary>
internal static class TestFiles
{
    public static byte[] Image(MagickFormat format, uint width = 64, uint height = 48)
    {
        using var image = new MagickImage(new MagickColor("#a31d1d"), width, height);
        return image.ToByteArray(format);
    }

    public static byte[] Jpeg(uint width = 64, uint height = 48) => Image(MagickFormat.Jpeg, width, height);

    public static byte[] Png(uint width = 64, uint height = 48) => Image(MagickFormat.Png, width, height);

    /// <summary>A JPEG carrying EXIF with a camera make and a GPS position (Thái Nguyên).</summary>
    public static byte[] JpegWithGps(uint width, uint height)
    {
        using var image = new MagickImage(new MagickColor("#1a7f37"), width, height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "MayAnhBiMat");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(21, 1), new Rational(35, 1), new Rational(3, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(105, 1), new Rational(50, 1), new Rational(4, 1)]);
        image.SetProfile(exif);
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>A one-page PDF written by hand (header, catalog, pages, page, trailer).</summary>
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] OfficeOpenXml(string mainPart, string mainContentType) => Zip(
        ("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            $"<Override PartName=\"/{mainPart}\" ContentType=\"{mainContentType}\"/></Types>"),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"),
        (mainPart, "<?xml version=\"1.0\"?><root/>"));

    public static byte[] Docx() => OfficeOpenXml("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");

    public static byte[] Xlsx() => OfficeOpenXml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");

    public static byte[] Pptx() => OfficeOpenXml("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml");

    /// <summary>A Word document with macros (.docm): its main part declares another content type.</summary>
    public static byte[] Docm() => OfficeOpenXml("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml");

    public static byte[] OpenDocument(string mimetype) => Zip(
        ("mimetype", mimetype),
        ("content.xml", "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"),
        ("META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest/>"));

    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(document.cookie)</script></svg>");

    /// <summary>The start of a Windows program ("MZ" header) followed by filler.</summary>
    public static byte[] Exe() => [.. "MZ"u8, 0x90, 0x00, 0x03, .. new byte[256]];
}
