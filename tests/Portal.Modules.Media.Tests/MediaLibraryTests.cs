using ImageMagick;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Modules.Media.Models;
using Portal.Modules.Media.Services;

namespace Portal.Modules.Media.Tests;

public sealed class MediaLibraryTests
{
    [Fact]
    public async Task Upload_JpegWithExifAndGps_StoresItWithoutMetadata()
    {
        await using var host = new MediaTestHost();
        var tenant = MediaTestHost.NewTenant("sotaichinh");
        var original = TestFiles.JpegWithGps(800, 600);
        using (var check = new MagickImage(original))
        {
            Assert.NotNull(check.GetExifProfile()?.GetValue(ExifTag.GPSLatitude));
        }

        var result = await host.UploadAsync(tenant, "Ảnh hội nghị.jpg", original, alt: "Hội nghị tài chính");

        Assert.True(result.Succeeded, result.Error);
        var item = result.Value!;
        foreach (var file in host.FilesOf(tenant))
        {
            var stored = host.ReadFile(tenant, file);
            using var image = new MagickImage(stored);
            Assert.Null(image.GetExifProfile());
            Assert.DoesNotContain("MayAnhBiMat", System.Text.Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        }

        Assert.Equal((800, 600), (item.Width, item.Height));
        Assert.Equal("Ảnh hội nghị.jpg", item.OriginalFileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(original)), item.ContentHash);
    }

    [Fact]
    public async Task Upload_WideImage_MakesNarrowerVariantsKeepingTheAspectRatio()
    {
        await using var host = new MediaTestHost();
        var tenant = MediaTestHost.NewTenant("sotaichinh");

        var item = (await host.UploadAsync(tenant, "toan-canh.png", TestFiles.Png(1200, 600))).Value!;

        // 320, 640 and 1024 are narrower than 1200; 1600 is not made.
        Assert.Equal([(320, 160), (640, 320), (1024, 512)], item.Variants.Select(v => (v.Width, v.Height)));
        foreach (var variant in item.Variants)
        {
            using var image = new MagickImage(host.ReadFile(tenant, item.VariantFileName(variant)));
            Assert.Equal((variant.Width, variant.Height), ((int)image.Width, (int)image.Height));
            Assert.Equal(MagickFormat.Png, image.Format);
        }

        Assert.Equal(
            new[] { item.FileName }.Concat(item.Variants.Select(item.VariantFileName)).Order(StringComparer.Ordinal),
            host.FilesOf(tenant).Order(StringComparer.Ordinal));
        Assert.Equal(
            $"/media/{item.StoredName}-320w.png 320w, /media/{item.StoredName}-640w.png 640w, /media/{item.StoredName}-1024w.png 1024w, /media/{item.StoredName}.png 1200w",
            MediaUrls.SrcSet(item, default));
    }

    [Fact]
    public async Task Upload_SmallImage_HasNoVariants()
    {
        await using var host = new MediaTestHost();
        var item = (await host.UploadAsync(MediaTestHost.NewTenant("a"), "icon.gif", TestFiles.Image(MagickFormat.Gif, 100, 80))).Value!;

        Assert.Empty(item.Variants);
        Assert.Equal((100, 80), (item.Width, item.Height));
        Assert.Equal("image/gif", item.ContentType);
    }

    [Fact]
    public async Task Upload_Document_IsStoredAsUploaded()
    {
        await using var host = new MediaTestHost();
        var tenant = MediaTestHost.NewTenant("a");
        var docx = TestFiles.Docx();

        var item = (await host.UploadAsync(tenant, @"C:\Users\bientap\Desktop\Báo cáo quý 3.docx", docx)).Value!;

        Assert.Equal("Báo cáo quý 3.docx", item.OriginalFileName);
        Assert.Null(item.Width);
        Assert.Equal(docx, host.ReadFile(tenant, item.FileName));
        Assert.Matches("^[0-9a-f]{32}\\.docx$", item.FileName);
    }

    public static TheoryData<string, string, string> Forgeries => new()
    {
        { "quyet-dinh.pdf", "png", "không khớp" },
        { "anh-dep.jpg", "exe", "chương trình" },
        { "logo.svg", "svg", "SVG" },
        { "bao-cao.docx", "zip", "ZIP" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Upload_ForgedFile_IsRefusedAndNothingIsStored(string fileName, string kind, string expected)
    {
        await using var host = new MediaTestHost();
        var tenant = MediaTestHost.NewTenant("a");
        var content = kind switch
        {
            "png" => TestFiles.Png(),
            "exe" => TestFiles.Exe(),
            "svg" => TestFiles.Svg(),
            _ => TestFiles.Zip(("notes.txt", "không phải Office")),
        };

        var result = await host.UploadAsync(tenant, fileName, content);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        await AssertNothingStoredAsync(host, tenant);
    }

    [Fact]
    public async Task Upload_OversizedFile_IsRefusedEvenWhenItsLengthIsNotAnnounced()
    {
        await using var host = new MediaTestHost(maxFileBytes: 1000);
        var tenant = MediaTestHost.NewTenant("a");
        var big = TestFiles.Jpeg(400, 400);
        Assert.True(big.Length > 1000);

        var announced = await host.UploadAsync(tenant, "lon.jpg", big);
        var unannounced = await host.InTenantAsync(tenant, (library, _) => library.UploadAsync(new MediaUpload("lon.jpg", new MemoryStream(big))));

        Assert.Equal("Tệp quá lớn: giới hạn là 1000 byte.", announced.Error);
        Assert.Equal(announced.Error, unannounced.Error);
        await AssertNothingStoredAsync(host, tenant);
    }

    [Fact]
    public void Options_DefaultLimit_Is20Megabytes() =>
        Assert.Equal("20 MB", MediaSizes.Format(new MediaOptions().MaxFileBytes));

    [Fact]
    public async Task Search_IgnoresDiacriticsAndCase()
    {
        await using var host = new MediaTestHost();
        var tenant = MediaTestHost.NewTenant("a");
        await host.UploadAsync(tenant, "Báo cáo Tài chính 2026.pdf", TestFiles.Pdf());
        await host.UploadAsync(tenant, "anh.png", TestFiles.Png(), alt: "Lễ kỷ niệm ngành Tài Chính");
        await host.UploadAsync(tenant, "Khoa học.pdf", TestFiles.Pdf());

        var found = await host.InTenantAsync(tenant, (library, _) => library.SearchAsync(new MediaQuery(Search: "tai chinh")));
        var images = await host.InTenantAsync(tenant, (library, _) => library.SearchAsync(new MediaQuery(Search: "TÀI CHÍNH", ImagesOnly: true)));

        Assert.Equal(["anh.png", "Báo cáo Tài chính 2026.pdf"], found.Items.Select(i => i.OriginalFileName));
        Assert.Equal(["anh.png"], images.Items.Select(i => i.OriginalFileName));
    }

    [Fact]
    public async Task Search_PagesNewestFirst()
    {
        await using var host = new MediaTestHost();
        var tenant = MediaTestHost.NewTenant("a");
        for (var i = 1; i <= 5; i++)
        {
            await host.UploadAsync(tenant, $"tep-{i}.pdf", TestFiles.Pdf());
        }

        var page2 = await host.InTenantAsync(tenant, (library, _) => library.SearchAsync(new MediaQuery(Page: 2, PageSize: 2)));

        Assert.Equal(["tep-3.pdf", "tep-2.pdf"], page2.Items.Select(i => i.OriginalFileName));
        Assert.Equal((2, 3, 5), (page2.Page, page2.PageCount, page2.TotalCount));
    }

    [Fact]
    public async Task ItemsOfA_AreInvisibleToB_AndStoredInAsFolder()
    {
        await using var host = new MediaTestHost();
        var a = MediaTestHost.NewTenant("a");
        var b = MediaTestHost.NewTenant("b");
        var item = (await host.UploadAsync(a, "rieng.pdf", TestFiles.Pdf())).Value!;

        await host.InTenantAsync(b, async (library, _) =>
        {
            Assert.Null(await library.FindAsync(item.Id));
            Assert.Equal(0, (await library.SearchAsync(new MediaQuery())).TotalCount);
            Assert.False((await library.DeleteAsync(item.Id)).Succeeded);
            return 0;
        });

        Assert.Equal([item.FileName], host.FilesOf(a));
        Assert.Empty(host.FilesOf(b));
        Assert.Null(await host.Storage.OpenReadAsync(b.Id, item.FileName));
    }

    [Fact]
    public async Task Delete_RemovesTheRowAndEveryFile_AndIsAudited()
    {
        await using var host = new MediaTestHost();
        var tenant = MediaTestHost.NewTenant("a");
        var item = (await host.UploadAsync(tenant, "anh.jpg", TestFiles.Jpeg(700, 300))).Value!;
        Assert.Equal(3, host.FilesOf(tenant).Count);

        var deleted = await host.InTenantAsync(tenant, (library, _) => library.DeleteAsync(item.Id));

        Assert.True(deleted.Succeeded);
        Assert.Empty(host.FilesOf(tenant));
        var actions = await host.InTenantAsync(tenant, (_, sp) => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().Select(e => e.Action).ToListAsync());
        Assert.Equal(["media.upload", "media.delete"], actions);
    }

    [Fact]
    public async Task Folders_NestAndRefuseDuplicatesAndDeletionWhileNotEmpty()
    {
        await using var host = new MediaTestHost();
        var tenant = MediaTestHost.NewTenant("a");

        await host.InTenantAsync(tenant, async (library, _) =>
        {
            var photos = (await library.CreateFolderAsync(MediaFolder.Root, "Ảnh tin bài")).Value!;
            var year = (await library.CreateFolderAsync(photos.Id, "2026")).Value!;
            Assert.Equal("Đã có thư mục \"Ảnh tin bài\" ở đây.", (await library.CreateFolderAsync(MediaFolder.Root, " Ảnh tin bài ")).Error);
            Assert.Equal("Vui lòng nhập tên thư mục.", (await library.CreateFolderAsync(MediaFolder.Root, "  ")).Error);
            Assert.Equal(["Ảnh tin bài", "2026"], (await library.GetFolderPathAsync(year.Id))!.Select(f => f.Name));

            Assert.True((await library.UploadAsync(new MediaUpload("a.pdf", new MemoryStream(TestFiles.Pdf()), FolderId: year.Id))).Succeeded);
            Assert.StartsWith("Thư mục \"Ảnh tin bài\" chưa trống", (await library.DeleteFolderAsync(photos.Id)).Error, StringComparison.Ordinal);
            Assert.Equal(1, (await library.SearchAsync(new MediaQuery(FolderId: year.Id))).TotalCount);
            Assert.Equal(0, (await library.SearchAsync(new MediaQuery(FolderId: photos.Id))).TotalCount);
            Assert.Equal("Thư mục không tồn tại.", (await library.UploadAsync(new MediaUpload("b.pdf", new MemoryStream(TestFiles.Pdf()), FolderId: 9999))).Error);
            return 0;
        });
    }

    private static async Task AssertNothingStoredAsync(MediaTestHost host, Portal.Core.Tenancy.TenantDescriptor tenant)
    {
        Assert.Empty(host.FilesOf(tenant));
        var rows = await host.InTenantAsync(tenant, (_, sp) => sp.GetRequiredService<PortalDbContext>().Set<MediaItem>().CountAsync());
        Assert.Equal(0, rows);
    }
}
