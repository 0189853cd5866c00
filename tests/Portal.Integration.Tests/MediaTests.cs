using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ImageMagick;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Media.Models;

namespace Portal.Integration.Tests;

/// <summary>The media library through the real app: upload over HTTP, serving per tenant; run once per provider.</summary>
public abstract class MediaTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    // One signed-in admin per app: sign-in is rate-limited per site (10 a minute).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PortalAppFactory, Lazy<Task<HttpClient>>> Admins = new();

    protected TFactory App { get; } = app;

    [ProviderFact]
    public async Task ImageUploadedOnSotaichinh_IsServedThereWithSafeHeaders_AndIs404OnPhandinhphung()
    {
        var admin = await AdminAsync();
        var name = $"Hội nghị Tài chính {Guid.NewGuid():N}.png";

        using var response = await UploadAsync(admin, name, Png(900, 450));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<UploadResponse>(Json))!.Results.Single();
        Assert.True(result.Ok, result.Error);
        var item = result.Item!;
        Assert.Equal((900, 450), (item.Width, item.Height));
        Assert.Equal([320, 640], item.Variants.Select(v => v.Width));
        Assert.Contains(" 900w", item.Srcset, StringComparison.Ordinal);

        foreach (var url in item.Variants.Select(v => v.Url).Prepend(item.Url))
        {
            using var anonymous = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
            using var file = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("image/png", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(file.Headers.CacheControl!.Public);
            Assert.Equal(TimeSpan.FromDays(365), file.Headers.CacheControl.MaxAge);
            Assert.Contains("immutable", file.Headers.CacheControl.Extensions.Select(e => e.Name));
            using var image = new MagickImage(await file.Content.ReadAsByteArrayAsync());
            Assert.Equal(MagickFormat.Png, image.Format);

            using var elsewhere = App.ClientFor(PortalAppFactory.HostOf("phandinhphung"));
            Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        // The library lists it, found without diacritics.
        var list = await admin.GetFromJsonAsync<ListResponse>(new Uri("/admin/media/api/list?q=hoi+nghi+tai+chinh", UriKind.Relative), Json);
        Assert.Contains(list!.Items, i => i.Id == item.Id && i.Name == name);
        var audited = await InTenantAsync("sotaichinh", sp => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>()
            .AnyAsync(e => e.Action == "media.upload" && e.Details!.StartsWith(name)));
        Assert.True(audited);
    }

    [ProviderFact]
    public async Task Document_IsServedAsAnAttachment_AndPdfInline()
    {
        var admin = await AdminAsync();

        var docx = await UploadItemAsync(admin, "Báo cáo quý.docx", Docx());
        var pdf = await UploadItemAsync(admin, "Quyết định.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());

        using var docxFile = await admin.GetAsync(new Uri(docx.Url, UriKind.Relative));
        Assert.Equal("attachment", docxFile.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Báo cáo quý.docx", docxFile.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", docxFile.Headers.GetValues("X-Content-Type-Options").Single());
        using var pdfFile = await admin.GetAsync(new Uri(pdf.Url, UriKind.Relative));
        Assert.Equal("application/pdf", pdfFile.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", pdfFile.Content.Headers.ContentDisposition!.DispositionType);
    }

    [ProviderFact]
    public async Task ForgedUpload_IsRefusedInVietnamese_AndNothingIsStored()
    {
        var admin = await AdminAsync();
        var name = $"gia-mao-{Guid.NewGuid():N}.pdf";

        using var response = await UploadAsync(admin, name, Png(10, 10));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<UploadResponse>(Json))!.Results.Single();
        Assert.Equal("Phần mở rộng .pdf không khớp với nội dung tệp (ảnh PNG). Hãy đổi tên tệp thành đuôi .png.", result.Error);
        Assert.False(await InTenantAsync("sotaichinh", sp => sp.GetRequiredService<PortalDbContext>().Set<MediaItem>().AnyAsync(i => i.OriginalFileName == name)));
    }

    [ProviderFact]
    public async Task AnonymousUpload_IsRefused_AndNothingIsStored()
    {
        using var visitor = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        var name = $"vo-danh-{Guid.NewGuid():N}.png";
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Png(10, 10)), "files", name } };

        using var response = await visitor.PostAsync(new Uri("/admin/media/api/upload", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.False(await InTenantAsync("sotaichinh", sp => sp.GetRequiredService<PortalDbContext>().Set<MediaItem>().AnyAsync(i => i.OriginalFileName == name)));
    }

    [ProviderFact]
    public async Task UploadWithoutAntiforgeryToken_IsRefused()
    {
        var admin = await AdminAsync();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Png(10, 10)), "files", "anh.png" } };

        using var response = await admin.PostAsync(new Uri("/admin/media/api/upload", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [ProviderFact]
    public async Task Contributor_MayUploadButNotDelete_AndAUserWithoutMediaRights_SeesNothing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        const string Password = "Cong-Tac-Vien-2026";
        await InTenantAsync("sotaichinh", async sp =>
        {
            var accounts = sp.GetRequiredService<Portal.Modules.Users.Services.IUserAccounts>();
            Assert.True((await accounts.CreateUserAsync("ctv" + suffix, null, Password, ["Cộng tác viên"])).Succeeded);
            Assert.True((await accounts.CreateUserAsync("khach" + suffix, null, Password, [])).Succeeded);
            return 0;
        });

        using var contributor = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        await SignInAsync(contributor, "ctv" + suffix, Password);
        var item = await UploadItemAsync(contributor, "Ảnh cộng tác viên.jpg", Jpeg());
        var page = await contributor.GetStringAsync(new Uri($"/admin/media/{item.Id}", UriKind.Relative));
        Assert.DoesNotContain("Xóa tệp", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var delete = await contributor.PostAsync(new Uri($"/admin/media/{item.Id}?handler=Delete", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync(new Uri(item.Url, UriKind.Relative))).StatusCode);
        Assert.Equal("ctv" + suffix, await InTenantAsync("sotaichinh", sp => sp.GetRequiredService<PortalDbContext>().Set<MediaItem>()
            .Where(i => i.Id == item.Id).Select(i => i.UploadedBy).SingleAsync()));

        using var stranger = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        await SignInAsync(stranger, "khach" + suffix, Password);
        using var list = await stranger.GetAsync(new Uri("/admin/media/api/list", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [ProviderFact]
    public async Task Folder_CreatedOnTheLibraryPage_TakesUploads_AndIsListedByTheApi()
    {
        var admin = await AdminAsync();
        var name = "Ảnh hội nghị " + Guid.NewGuid().ToString("N")[..6];
        var page = await admin.GetStringAsync(new Uri("/admin/media", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var created = await admin.PostAsync(new Uri("/admin/media?handler=CreateFolder&f=0", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["FolderName"] = name, ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var root = await admin.GetFromJsonAsync<FolderListResponse>(new Uri("/admin/media/api/list", UriKind.Relative), Json);
        var folder = Assert.Single(root!.Folders, f => f.Name == name);
        var listed = await admin.GetFromJsonAsync<FolderListResponse>(new Uri($"/admin/media/api/list?folder={folder.Id}", UriKind.Relative), Json);
        Assert.Equal(name, listed!.Folder!.Name);
        Assert.Empty(listed.Folders);
    }

    [ProviderFact]
    public async Task LibraryPage_ShowsTheUploadZoneWithItsScript()
    {
        var admin = await AdminAsync();

        var html = await admin.GetStringAsync(new Uri("/admin/media", UriKind.Relative));

        Assert.Contains("Kéo và thả tệp vào đây", html, StringComparison.Ordinal);
        Assert.Contains("/_content/Portal.Modules.Media/media-admin.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task DemoArticles_ShowImagesOfTheSitesOwnLibrary_InTheirImageFieldAndBody()
    {
        var (image, html) = await InTenantAsync("sotaichinh", async sp =>
        {
            var article = (await sp.GetRequiredService<IContentManager>().GetByAliasAsync("ra-mat-trang-thong-tin"))!;
            return (article.Data["Image"]!["Path"]!.GetValue<string>(), article.Data["BodyPart"]!["Html"]!.GetValue<string>());
        });

        Assert.Matches("^/media/[0-9a-f]{32}\\.jpg$", image);
        Assert.Contains($"<img src=\"{image}\"", html, StringComparison.Ordinal);
        using var visitor = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        using var file = await visitor.GetAsync(new Uri(image, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        using var elsewhere = App.ClientFor(PortalAppFactory.HostOf("phandinhphung"));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(new Uri(image, UriKind.Relative))).StatusCode);
    }

    private Task<HttpClient> AdminAsync() => Admins.GetOrAdd(App, app => new Lazy<Task<HttpClient>>(async () =>
    {
        var client = app.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        await SignInAsync(client, "admin", PortalAppFactory.AdminPassword);
        return client;
    })).Value;

    private async Task<MediaItemResponse> UploadItemAsync(HttpClient client, string fileName, byte[] content)
    {
        using var response = await UploadAsync(client, fileName, content);
        var result = (await response.Content.ReadFromJsonAsync<UploadResponse>(Json))!.Results.Single();
        Assert.True(result.Ok, result.Error);
        return result.Item!;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var page = await client.GetStringAsync(new Uri("/admin/media", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var content = new MultipartFormDataContent { { file, "files", fileName }, { new StringContent("0"), "folder" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/media/api/upload", UriKind.Relative)) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    private static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync(new Uri("/admin/login", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync(new Uri("/admin/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<T> InTenantAsync<T>(string name, Func<IServiceProvider, Task<T>> work)
    {
        var tenant = App.Services.GetRequiredService<ITenantDirectory>().FindByName(name)!;
        await using var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await work(scope.ServiceProvider);
    }

    private static byte[] Png(uint width, uint height)
    {
        using var image = new MagickImage(new MagickColor("#a31d1d"), width, height);
        return image.ToByteArray(MagickFormat.Png);
    }

    private static byte[] Jpeg()
    {
        using var image = new MagickImage(new MagickColor("#1a7f37"), 40, 30);
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entry, text) in new[]
                     {
                         ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
                         ("word/document.xml", "<root/>"),
                     })
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }

    private sealed record UploadResponse(List<UploadOutcome> Results);

    private sealed record UploadOutcome(string FileName, bool Ok, MediaItemResponse? Item, string? Error);

    private sealed record MediaItemResponse(long Id, string Url, string Name, int? Width, int? Height, string? Srcset, List<VariantResponse> Variants);

    private sealed record VariantResponse(string Url, int Width, int Height);

    private sealed record FolderResponse(long Id, string Name);

    private sealed record FolderListResponse(FolderResponse? Folder, List<FolderResponse> Folders);

    private sealed record ListResponse(List<MediaItemResponse> Items, int TotalCount);
}

public sealed class SqliteMediaTests(SqliteAppFactory app) : MediaTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresMediaTests(PostgresAppFactory app) : MediaTests<PostgresAppFactory>(app);
