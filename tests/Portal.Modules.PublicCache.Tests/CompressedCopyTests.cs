using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Primitives;
using Portal.Modules.PublicCache.Services;

namespace Portal.Modules.PublicCache.Tests;

public sealed class CompressedCopyTests
{
    private static readonly byte[] Html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Ủy ban nhân dân tỉnh Thái Nguyên thông báo.</p>", 400)));

    private static CachedPage Page() =>
        new(Html, [new KeyValuePair<string, StringValues>("Content-Type", "text/html; charset=utf-8")], isHtml: true, 0, 60_000);

    [Fact]
    public void TheBrotliAndGzipForms_DecompressToTheBody_AndAreMadeOnce()
    {
        var page = Page();

        var brotli = page.Brotli;
        var gzip = page.Gzip;

        Assert.Same(brotli, page.Brotli);
        Assert.Same(gzip, page.Gzip);
        Assert.True(brotli.Length < Html.Length / 10, $"brotli {brotli.Length} of {Html.Length} bytes");
        Assert.Equal(Html, Decompress(new BrotliStream(new MemoryStream(brotli), CompressionMode.Decompress)));
        Assert.Equal(Html, Decompress(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress)));
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br", true)]
    [InlineData("gzip, deflate, br, zstd", "gzip", true)]
    [InlineData("gzip;q=1.0, br;q=0", "br", false)]
    [InlineData("gzip;q=1.0, br;q=0.000", "br", false)]
    [InlineData("BR; q=0.5", "br", true)]
    [InlineData("identity", "gzip", false)]
    [InlineData("", "br", false)]
    [InlineData("brotli, xgzip", "br", false)]
    public void AcceptEncoding_IsReadPerCoding_WithItsQuality(string header, string coding, bool accepted) =>
        Assert.Equal(accepted, PublicCacheMiddleware.Accepts(header, coding));

    private static byte[] Decompress(Stream stream)
    {
        using var output = new MemoryStream();
        using (stream)
        {
            stream.CopyTo(output);
        }

        return output.ToArray();
    }
}
