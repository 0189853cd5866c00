using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Tests;

public sealed class HostLabelTests
{
    [Theory]
    [InlineData("Sở Tài chính", "sotaichinh")]
    [InlineData("Sở Khoa học và Công nghệ", "sokhoahoccongnghe")]
    [InlineData("Phường Phan Đình Phùng", "phandinhphung")]
    [InlineData("Xã Đại Từ", "daitu")]
    [InlineData("ĐÀI PHÁT THANH", "daiphatthanh")]
    [InlineData("Thị trấn Hùng Sơn", "hungson")]
    [InlineData("  Sở   Tư pháp  ", "sotuphap")]
    [InlineData("Sở Nội vụ (cũ), số 2!", "sonoivucuso2")]
    [InlineData("Ủy ban nhân dân", "uybannhandan")]
    public void FromName_DropsDiacriticsSpacesAndPunctuation(string name, string expected) =>
        Assert.Equal(expected, HostLabel.FromName(name));

    [Fact]
    public void FromName_DecomposedInput_GivesSameLabelAsComposed() =>
        Assert.Equal(HostLabel.FromName("Sở Tài chính"), HostLabel.FromName("Sở Tài chính".Normalize(System.Text.NormalizationForm.FormD)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ---")]
    public void FromName_NothingUsable_IsNull(string name) => Assert.Null(HostLabel.FromName(name));

    [Fact]
    public void FromName_LongName_IsCutToDnsLimit() =>
        Assert.Equal(HostLabel.MaxLength, HostLabel.FromName(string.Concat(Enumerable.Repeat("Sở Tài chính ", 10)))!.Length);

    [Theory]
    [InlineData("sotaichinh")]
    [InlineData("so-tai-chinh")]
    [InlineData("xa1")]
    public void Validate_GoodLabel_IsNull(string label) => Assert.Null(HostLabel.Validate(label));

    [Theory]
    [InlineData("")]
    [InlineData("Sotaichinh")]
    [InlineData("sở")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("a.b")]
    [InlineData("www")]
    [InlineData("admin")]
    [InlineData("en")]
    public void Validate_BadOrReservedLabel_SaysWhyInVietnamese(string label) =>
        Assert.False(string.IsNullOrEmpty(HostLabel.Validate(label)));
}
