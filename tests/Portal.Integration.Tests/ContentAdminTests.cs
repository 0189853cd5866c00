using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Admin;
using Portal.Modules.Contents.Services;
using Portal.Modules.Users.Services;

namespace Portal.Integration.Tests;

/// <summary>The content admin through its HTTP endpoints, signed in as real users of each seeded role; once per provider.</summary>
public abstract partial class ContentAdminTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    private const string Password = "Bien-Tap-Noi-Dung-2026";

    protected TFactory App { get; } = app;

    public static TheoryData<string, bool, bool> SeededRoles => new()
    {
        // role, may publish, may delete
        { "Quản trị hệ thống", true, true },
        { "Trưởng ban biên tập", true, true },
        { "Phó trưởng ban biên tập", true, true },
        { "Biên tập viên", false, false },
        { "Cộng tác viên", false, false },
    };

    [ProviderFact]
    public async Task EverySeededRole_CreatesAndEdits_AndPublishesUnpublishesRemovesRestores_OnlyWithThatPermission()
    {
        var site = await App.CreateTenantAsync("Sở Vai trò " + Suffix());
        foreach (var row in SeededRoles)
        {
            var (role, mayPublish, mayDelete) = ((string)row[0], (bool)row[1], (bool)row[2]);
            using var client = await SignedInAsync(site, role);

            // Create a draft, then edit it.
            var id = await CreateAsync(client, $"Tin của {role}", "<p>Bản <strong>đầu</strong>.</p>");
            var edit = $"/admin/contents/{id}/edit";
            var saved = await SaveAsync(client, id, $"Tin của {role} (sửa)", "<p>Bản <strong>hai</strong>.</p>");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var latest = await ItemAsync(site, id, VersionOptions.Latest);
            Assert.Equal(2, latest!.Number);
            Assert.Equal($"Tin của {role} (sửa)", latest.DisplayText);

            var publish = await client.PostFormAsync(edit, edit + "?handler=Publish", new Dictionary<string, string>());
            Assert.Equal(mayPublish ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden, publish.StatusCode);
            Assert.Equal(mayPublish, await ItemAsync(site, id, VersionOptions.Published) is not null);
            if (mayPublish)
            {
                var unpublish = await client.PostFormAsync(edit, edit + "?handler=Unpublish", new Dictionary<string, string>());
                Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
                Assert.Null(await ItemAsync(site, id, VersionOptions.Published));
            }
            else
            {
                Assert.Contains("Bạn không có quyền xuất bản nội dung", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                // Saving with "publish" is refused the same way, and nothing is saved.
                var saveAndPublish = await SaveAsync(client, id, "Không được lưu", "<p>x</p>", command: "publish");
                Assert.Equal(HttpStatusCode.Forbidden, saveAndPublish.StatusCode);
                Assert.Contains("Không được lưu", await saveAndPublish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal(2, (await ItemAsync(site, id, VersionOptions.Latest))!.Number);
            }

            var remove = await client.PostFormAsync(edit, edit + "?handler=Remove", new Dictionary<string, string>());
            Assert.Equal(mayDelete ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden, remove.StatusCode);
            Assert.Equal(mayDelete, await ItemAsync(site, id, VersionOptions.Latest) is null);
            if (mayDelete)
            {
                var removedList = await ListAsync(client, "?status=Removed");
                Assert.Contains($"Tin của {role} (sửa)", removedList, StringComparison.Ordinal);
                var restore = await client.PostFormAsync(edit, edit + "?handler=Restore", new Dictionary<string, string>());
                Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
                var restored = await ItemAsync(site, id, VersionOptions.Latest);
                Assert.Equal(2, restored!.Number); // the newest version is the latest again, as a draft
                Assert.False(restored.Published);
                Assert.Equal($"Tin của {role} (sửa)", restored.DisplayText);
            }

            var trail = await AuditAsync(site, id);
            Assert.Contains(trail, e => e.Action == ContentManager.CreateAction && e.Actor == UserName(role));
            Assert.Contains(trail, e => e.Action == ContentAdmin.UpdateAction && e.Actor == UserName(role));
            Assert.Equal(mayPublish, trail.Any(e => e.Action == ContentManager.PublishAction));
            Assert.Equal(mayPublish, trail.Any(e => e.Action == ContentManager.UnpublishAction));
            Assert.Equal(mayDelete, trail.Any(e => e.Action == ContentManager.RemoveAction));
            Assert.Equal(mayDelete, trail.Any(e => e.Action == ContentManager.RestoreAction));
            // Each refusal is in the trail, with who was refused what.
            Assert.Equal(mayPublish ? 0 : 2, trail.Count(e => e.Action == ContentAdmin.DeniedAction && e.Details!.StartsWith("publish", StringComparison.Ordinal)));
            Assert.Equal(mayDelete ? 0 : 1, trail.Count(e => e.Action == ContentAdmin.DeniedAction && e.Details!.StartsWith("remove", StringComparison.Ordinal)));
            Assert.All(trail.Where(e => e.Action == ContentAdmin.DeniedAction), e => Assert.Equal(UserName(role), e.Actor));
        }
    }

    [ProviderFact]
    public async Task SavingOverAVersionSomeoneElseSaved_IsRefused_WithWhatChanged_AndTheTypedTextKept()
    {
        var site = await App.CreateTenantAsync("Sở Đồng thời " + Suffix());
        using var first = await SignedInAsync(site, "Biên tập viên");
        using var second = await SignedInAsync(site, "Trưởng ban biên tập");
        var id = await CreateAsync(first, "Thông báo lịch họp", "<p>Họp vào thứ hai.</p>");
        var opened = (await ItemAsync(site, id, VersionOptions.Latest))!.ContentItemVersionId;

        // The second editor saves first.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(second, id, "Thông báo lịch họp", "<p>Họp vào thứ ba.</p>", expectedVersionId: opened)).StatusCode);

        // The first, still on the version they opened, is refused and keeps their text.
        var refused = await SaveAsync(first, id, "Thông báo lịch họp tuần này", "<p>Họp vào thứ tư, phòng 2.</p>", expectedVersionId: opened);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chưa lưu: " + UserName("Trưởng ban biên tập") + " đã lưu phiên bản 2", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Nội dung</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<del>hai.</del>", html, StringComparison.Ordinal);
        Assert.Contains("<ins>ba.</ins>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Thông báo lịch họp tuần này\"", html, StringComparison.Ordinal);
        Assert.Contains("Họp vào thứ tư, phòng 2.", html, StringComparison.Ordinal);
        var latest = await ItemAsync(site, id, VersionOptions.Latest);
        Assert.Equal(2, latest!.Number);
        Assert.Contains("thứ ba", latest.As<BodyPart>()!.Html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Search_IgnoresDiacriticsAndCase_AndFiltersByTypeAndStatus()
    {
        var site = await App.CreateTenantAsync("Sở Tìm kiếm " + Suffix());
        using var client = await SignedInAsync(site, "Quản trị hệ thống");
        await CreateAsync(client, "Báo cáo Tài chính quý III", "<p>Số liệu.</p>");
        await CreateAsync(client, "Lịch công tác tuần", "<p>Lịch.</p>");

        var found = await ListAsync(client, "?q=tai+chinh");
        Assert.Contains("Báo cáo Tài chính quý III", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Lịch công tác tuần", found, StringComparison.Ordinal);
        Assert.Contains("Báo cáo Tài chính quý III", await ListAsync(client, "?q=BAO%20CAO%20quy"), StringComparison.Ordinal);

        var drafts = await ListAsync(client, "?type=Article&status=Draft");
        Assert.Contains("Lịch công tác tuần", drafts, StringComparison.Ordinal);
        var pages = await ListAsync(client, "?type=Page");
        Assert.DoesNotContain("Lịch công tác tuần", pages, StringComparison.Ordinal);
        Assert.Contains("Giới thiệu", pages, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task AnInvalidForm_IsShownAgain_WithTheTypedValuesAndVietnameseMessages_AndRichTextIsSanitised()
    {
        var site = await App.CreateTenantAsync("Sở Kiểm tra " + Suffix());
        using var client = await SignedInAsync(site, "Biên tập viên");
        var invalid = await client.PostFormAsync("/admin/contents/create/Article", "/admin/contents/create/Article", new Dictionary<string, string>
        {
            ["v[TitlePart.Title]"] = "",
            ["v[RoutePart.Path]"] = "Đường dẫn sai!",
            ["v[BodyPart.Html]"] = "<p>Đoạn văn rất dài đã gõ.</p>",
            ["command"] = "save",
        });
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Vui lòng nhập tiêu đề.", html, StringComparison.Ordinal);
        Assert.Contains("Đường dẫn: chỉ gồm chữ thường không dấu", html, StringComparison.Ordinal);
        Assert.Contains("Đoạn văn rất dài đã gõ.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Đường dẫn sai!\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await App.InTenantAsync(site, sp => sp.GetRequiredService<IContentManager>().QueryLatest("Article").CountAsync(i => i.Author == UserName("Biên tập viên"))));

        var id = await CreateAsync(client, "Bài có mã độc", "<p onclick=\"alert(1)\">Chữ <script>alert(2)</script>an toàn.</p>");
        var stored = (await ItemAsync(site, id, VersionOptions.Latest))!.As<BodyPart>()!.Html!;
        Assert.DoesNotContain("script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("an toàn.", stored, StringComparison.Ordinal);
        var editor = await client.GetStringAsync(new Uri($"/admin/contents/{id}/edit", UriKind.Relative));
        Assert.Contains("Đã loại bỏ: &lt;script&gt;, thuộc tính onclick", editor, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Versions_AreListed_Compared_AndAnOldOneRestoredAsANewDraft()
    {
        var site = await App.CreateTenantAsync("Sở Phiên bản " + Suffix());
        using var client = await SignedInAsync(site, "Trưởng ban biên tập");
        var id = await CreateAsync(client, "Kế hoạch năm", "<p>Mục tiêu tăng trưởng năm nay.</p>");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, id, "Kế hoạch năm 2027", "<p>Mục tiêu tăng trưởng bền vững năm nay.</p>")).StatusCode);

        var history = await client.GetStringAsync(new Uri($"/admin/contents/{id}/versions", UriKind.Relative));
        // The inputs changed, by their labels (a type may name the summary "Tóm tắt (sapo)"; a generated path may change too).
        var changed = System.Text.RegularExpressions.Regex.Match(history, "Sửa: ([^<]+)").Groups[1].Value.Split(", ");
        Assert.Contains("Tiêu đề", changed);
        Assert.Contains("Nội dung", changed);
        Assert.Contains(changed, c => c.StartsWith("Tóm tắt", StringComparison.Ordinal));
        Assert.Contains(UserName("Trưởng ban biên tập"), history, StringComparison.Ordinal);

        var diff = await client.GetStringAsync(new Uri($"/admin/contents/{id}/compare?from=1&to=2", UriKind.Relative));
        Assert.Matches(@"<span>Kế hoạch năm</span>\s*<ins> 2027</ins>", diff);
        Assert.Matches(@"<ins>\s?bền vững\s?</ins>", diff);
        Assert.DoesNotContain("<del>", diff[diff.IndexOf("<dl class=\"diff\">", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var versions = $"/admin/contents/{id}/versions";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(versions, versions + "?handler=Restore&number=1", new Dictionary<string, string>())).StatusCode);
        var latest = await ItemAsync(site, id, VersionOptions.Latest);
        Assert.Equal(3, latest!.Number);
        Assert.Equal("Kế hoạch năm", latest.DisplayText);
        Assert.False(latest.Published);
        Assert.Equal(3, (await App.InTenantAsync(site, sp => sp.GetRequiredService<IContentManager>().GetVersionsAsync(id))).Count);
    }

    [ProviderFact]
    public async Task EachDemoSite_ListsItsOwnArticles()
    {
        foreach (var (label, name) in new[] { ("sotaichinh", "Sở Tài chính"), ("phandinhphung", "Phường Phan Đình Phùng") })
        {
            using var client = App.ClientFor(PortalAppFactory.HostOf(label));
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("admin", PortalAppFactory.AdminPassword)).StatusCode);
            var list = await client.GetStringAsync(new Uri("/admin/contents", UriKind.Relative));
            Assert.Contains($"{name} ra mắt trang thông tin điện tử", list, StringComparison.Ordinal);
            Assert.True(Regex.Count(list, "<tr") >= 4, "the demo items are listed");
        }
    }

    private Task<HttpClient> SignedInAsync(TenantDescriptor site, string role) => App.SignedInWithRoleAsync(site, role, UserName(role), Password);

    private static string UserName(string role) => role switch
    {
        "Quản trị hệ thống" => "quantri",
        "Trưởng ban biên tập" => "truongban",
        "Phó trưởng ban biên tập" => "photruongban",
        "Biên tập viên" => "bientapvien",
        _ => "congtacvien",
    };

    private static async Task<string> CreateAsync(HttpClient client, string title, string html)
    {
        var response = await client.PostFormAsync("/admin/contents/create/Article", "/admin/contents/create/Article", new Dictionary<string, string>
        {
            ["v[TitlePart.Title]"] = title,
            ["v[Summary.Text]"] = "Tóm tắt " + title,
            ["v[BodyPart.Html]"] = html,
            ["command"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return EditLocation().Match(response.Headers.Location!.OriginalString).Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string id, string title, string html, string command = "save", string? expectedVersionId = null)
    {
        var edit = $"/admin/contents/{id}/edit";
        var page = await client.GetStringAsync(new Uri(edit, UriKind.Relative));
        expectedVersionId ??= ExpectedVersion().Match(page).Groups[1].Value;
        return await client.PostAsync(new Uri(edit, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalAppTestExtensions.AntiforgeryToken(page),
            ["ExpectedVersionId"] = expectedVersionId,
            ["v[TitlePart.Title]"] = title,
            ["v[Summary.Text]"] = "Tóm tắt " + title,
            ["v[BodyPart.Html]"] = html,
            ["command"] = command,
        }));
    }

    /// <summary>The rows of the admin list (not the status line above it).</summary>
    private static async Task<string> ListAsync(HttpClient client, string query)
    {
        var html = await client.GetStringAsync(new Uri("/admin/contents" + query, UriKind.Relative));
        var start = html.IndexOf("<tbody>", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
    }

    private Task<ContentItem?> ItemAsync(TenantDescriptor site, string id, VersionOptions options) =>
        App.InTenantAsync(site, sp => sp.GetRequiredService<IContentManager>().GetAsync(id, options));

    private Task<List<AuditEntry>> AuditAsync(TenantDescriptor site, string id) =>
        App.InTenantAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().AsNoTracking().Where(e => e.Subject == id).ToListAsync());

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    [GeneratedRegex("/admin/contents/([0-9a-f]{32})/edit")]
    private static partial Regex EditLocation();

    [GeneratedRegex("id=\"ExpectedVersionId\" name=\"ExpectedVersionId\" value=\"([0-9a-f]*)\"")]
    private static partial Regex ExpectedVersion();
}

public sealed class SqliteContentAdminTests(SqliteAppFactory app) : ContentAdminTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresContentAdminTests(PostgresAppFactory app) : ContentAdminTests<PostgresAppFactory>(app);
