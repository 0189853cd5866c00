using ImageMagick;
using Portal.Modules.Media.Services;

namespace Portal.Modules.Media.Tests;

public sealed class MediaTypeDetectorTests
{
    public static TheoryData<string, string> AcceptedFiles => new()
    {
        { "anh.jpg", "image/jpeg" },
        { "anh.jpeg", "image/jpeg" },
        { "anh.png", "image/png" },
        { "anh.gif", "image/gif" },
        { "anh.webp", "image/webp" },
        { "van-ban.pdf", "application/pdf" },
        { "van-ban.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "bang-tinh.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "trinh-chieu.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "van-ban.odt", "application/vnd.oasis.opendocument.text" },
        { "bang-tinh.ods", "application/vnd.oasis.opendocument.spreadsheet" },
        { "trinh-chieu.odp", "application/vnd.oasis.opendocument.presentation" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Detect_RealFileOfEachAllowedType_IsAcceptedWithItsContentType(string fileName, string contentType)
    {
        var detection = MediaTypeDetector.Detect(Build(fileName), fileName);

        Assert.Null(detection.Error);
        Assert.Equal(contentType, detection.Type!.ContentType);
    }

    [Fact]
    public void Detect_UpperCaseExtension_IsAccepted() =>
        Assert.Equal(MediaTypes.Png, MediaTypeDetector.Detect(TestFiles.Png(), "ẢNH.PNG").Type);

    [Fact]
    public void Detect_PngNamedPdf_IsRefusedNamingWhatItReallyIs()
    {
        var detection = MediaTypeDetector.Detect(TestFiles.Png(), "quyet-dinh.pdf");

        Assert.Null(detection.Type);
        Assert.Equal("Phần mở rộng .pdf không khớp với nội dung tệp (ảnh PNG). Hãy đổi tên tệp thành đuôi .png.", detection.Error);
    }

    [Fact]
    public void Detect_ExeRenamedJpg_IsRefused()
    {
        var detection = MediaTypeDetector.Detect(TestFiles.Exe(), "anh-dep.jpg");

        Assert.Null(detection.Type);
        Assert.Equal("Không nhận tệp chương trình (exe, dll...).", detection.Error);
    }

    [Theory]
    [InlineData("logo.svg")]
    [InlineData("logo.png")]
    public void Detect_SvgWithScript_IsRefusedWhateverItsName(string fileName)
    {
        var detection = MediaTypeDetector.Detect(TestFiles.Svg(), fileName);

        Assert.Null(detection.Type);
        Assert.StartsWith("Không nhận tệp SVG", detection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_ZipThatIsNotAnOfficeDocument_IsRefused()
    {
        var zip = TestFiles.Zip(("readme.txt", "xin chào"), ("word/document.xml", "<root/>"));

        var detection = MediaTypeDetector.Detect(zip, "bao-cao.docx");

        Assert.Null(detection.Type);
        Assert.StartsWith("Tệp nén (ZIP) không được nhận", detection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_MacroEnabledWordDocumentNamedDocx_IsRefused()
    {
        var detection = MediaTypeDetector.Detect(TestFiles.Docm(), "bao-cao.docx");

        Assert.Null(detection.Type);
        Assert.Contains("macro", detection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_SpreadsheetNamedDocx_IsRefused() =>
        Assert.Contains("không khớp", MediaTypeDetector.Detect(TestFiles.Xlsx(), "bao-cao.docx").Error, StringComparison.Ordinal);

    [Fact]
    public void Detect_OpenDocumentTextNamedOds_IsRefused() =>
        Assert.Contains("không khớp", MediaTypeDetector.Detect(TestFiles.OpenDocument(MediaTypes.Odt.ContentType), "so-lieu.ods").Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("ghi-chu.txt", "Xin chào, đây là văn bản thường.")]
    [InlineData("trang.html", "<html><script>alert(1)</script></html>")]
    public void Detect_TypeNotOnTheList_IsRefused(string fileName, string content)
    {
        var detection = MediaTypeDetector.Detect(System.Text.Encoding.UTF8.GetBytes(content), fileName);

        Assert.Null(detection.Type);
        Assert.StartsWith("Loại tệp không được phép", detection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_EmptyOrExtensionlessFile_IsRefused()
    {
        Assert.Equal("Tệp rỗng (0 byte).", MediaTypeDetector.Detect([], "anh.png").Error);
        Assert.Contains("không có phần mở rộng", MediaTypeDetector.Detect(TestFiles.Png(), "anh").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_TruncatedZip_IsRefusedAsDamaged()
    {
        var docx = TestFiles.Docx();

        Assert.Equal("Tệp bị hỏng hoặc không đúng định dạng.", MediaTypeDetector.Detect(docx[..(docx.Length / 2)], "bao-cao.docx").Error);
    }

    internal static byte[] Build(string fileName) => Path.GetExtension(fileName) switch
    {
        ".jpg" or ".jpeg" => TestFiles.Jpeg(),
        ".png" => TestFiles.Png(),
        ".gif" => TestFiles.Image(MagickFormat.Gif),
        ".webp" => TestFiles.Image(MagickFormat.WebP),
        ".pdf" => TestFiles.Pdf(),
        ".docx" => TestFiles.Docx(),
        ".xlsx" => TestFiles.Xlsx(),
        ".pptx" => TestFiles.Pptx(),
        ".odt" => TestFiles.OpenDocument(MediaTypes.Odt.ContentType),
        ".ods" => TestFiles.OpenDocument(MediaTypes.Ods.ContentType),
        ".odp" => TestFiles.OpenDocument(MediaTypes.Odp.ContentType),
        _ => throw new ArgumentException(fileName),
    };
}
