using Portal.Core.Text;

namespace Portal.Core.Tests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Phường Phan Đình Phùng", "Phuong Phan Dinh Phung")]
    [InlineData("đường ĐÊ", "duong DE")]
    [InlineData("Ủy ban nhân dân tỉnh Thái Nguyên", "Uy ban nhan dan tinh Thai Nguyen")]
    [InlineData("abc 123", "abc 123")]
    public void RemoveDiacritics_FoldsToAscii(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.RemoveDiacritics(text));

    [Theory]
    [InlineData("Hội nghị tổng kết năm 2025", "hoi-nghi-tong-ket-nam-2025")]
    [InlineData("Đảng ủy - Đoàn thể", "dang-uy-doan-the")]
    [InlineData("  Tin tức – Sự kiện!  ", "tin-tuc-su-kien")]
    [InlineData("ĐƯỜNG Đê", "duong-de")]
    [InlineData("Thông báo (mới) số 12/2026", "thong-bao-moi-so-12-2026")]
    [InlineData("Chỉ đạo, điều hành", "chi-dao-dieu-hanh")]
    [InlineData("Kinh tế\u0301", "kinh-te")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    public void Slugify_MakesAsciiHyphenatedSlugs(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Slugify(text));

    [Fact]
    public void Slugify_FoldsDecomposedText()
    {
        // The same title typed with combining marks (NFD) gives the same slug.
        var decomposed = "Hội nghị tổng kết".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("hoi-nghi-tong-ket", VietnameseText.Slugify(decomposed));
    }

    [Fact]
    public void Slugify_CutsLongTextAtAHyphen()
    {
        var slug = VietnameseText.Slugify("Ủy ban nhân dân tỉnh Thái Nguyên", maxLength: 12);
        Assert.Equal("uy-ban-nhan", slug);
        Assert.True(VietnameseText.IsSlug(slug));
        Assert.Equal("abcdefghij", VietnameseText.Slugify("abcdefghijklmn", maxLength: 10));
    }

    [Theory]
    [InlineData("tin-tuc", true)]
    [InlineData("a1", true)]
    [InlineData("Tin-tuc", false)]
    [InlineData("-tin", false)]
    [InlineData("tin-", false)]
    [InlineData("tin--tuc", false)]
    [InlineData("tin tuc", false)]
    [InlineData("tin/tuc", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsSlug_AcceptsOnlySlugifyOutput(string? slug, bool expected) =>
        Assert.Equal(expected, VietnameseText.IsSlug(slug));

    [Fact]
    public void VietnamTime_IsUtcPlus7() =>
        Assert.Equal("23/11/2026 07:30", VietnamTime.Format(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero)));
}
