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

    [Fact]
    public void VietnamTime_IsUtcPlus7() =>
        Assert.Equal("23/11/2026 07:30", VietnamTime.Format(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero)));
}
