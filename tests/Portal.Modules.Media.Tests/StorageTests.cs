using Portal.Core.Tenancy;
using Portal.Modules.Media.Services;

namespace Portal.Modules.Media.Tests;

public sealed class StorageTests : IDisposable
{
    private readonly LocalDiskMediaStorage _storage = new(Directory.CreateTempSubdirectory("portal-media-storage-").FullName);

    [Theory]
    [InlineData("../0195f0c8a7b47c7e9a1e2b3c4d5e6f70.jpg")]
    [InlineData("..\\secret.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("0195f0c8a7b47c7e9a1e2b3c4d5e6f70.jpg/../../x.jpg")]
    [InlineData("anh.jpg")]
    [InlineData("0195F0C8A7B47C7E9A1E2B3C4D5E6F70.JPG")]
    [InlineData("")]
    public async Task AnythingButAGeneratedName_IsRefused(string fileName)
    {
        var tenant = TenantIds.New();

        Assert.Throws<ArgumentException>(() => _storage.PathOf(tenant, fileName));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.SaveAsync(tenant, fileName, new byte[] { 1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.OpenReadAsync(tenant, fileName));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../other")]
    [InlineData("sotaichinh")]
    [InlineData("")]
    public void AnythingButATenantId_IsRefused(string tenantId) =>
        Assert.Throws<ArgumentException>(() => _storage.PathOf(tenantId, MediaFileNames.NewStoredName() + ".jpg"));

    [Fact]
    public async Task EachTenantHasItsOwnFolder()
    {
        var a = TenantIds.New();
        var b = TenantIds.New();
        var name = MediaFileNames.NewStoredName() + ".pdf";

        await _storage.SaveAsync(a, name, "%PDF-A"u8.ToArray());

        Assert.Equal(Path.Combine(_storage.Root, a, name), _storage.PathOf(a, name));
        Assert.Null(await _storage.OpenReadAsync(b, name));
        await using var stream = await _storage.OpenReadAsync(a, name);
        Assert.NotNull(stream);
        Assert.Equal(6, stream.Length);
    }

    [Fact]
    public void VariantNames_AreParsed()
    {
        var stored = MediaFileNames.NewStoredName();

        Assert.True(MediaFileNames.TryParse($"{stored}-640w.webp", out var name, out var width, out var extension));
        Assert.Equal((stored, 640, "webp"), (name, width, extension));
        Assert.True(MediaFileNames.TryParse($"{stored}.pdf", out _, out var none, out _));
        Assert.Null(none);
        Assert.False(MediaFileNames.TryParse($"{stored}-0640w.webp", out _, out _, out _));
    }

    public void Dispose() => Directory.Delete(_storage.Root, recursive: true);
}
