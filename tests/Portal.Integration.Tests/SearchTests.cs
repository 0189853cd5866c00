using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Search.Models;
using Portal.Modules.Search.Services;
using Portal.Web.CommandLine;

namespace Portal.Integration.Tests;

/// <summary>Public search through the real app (<c>/tim-kiem</c>), the content event sink and the rebuild command; run once per provider.</summary>
public abstract class SearchTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    protected TFactory App { get; } = app;

    [ProviderFact]
    public async Task PublishedItem_IsFoundWithoutDiacritics_Highlighted_OnlyOnItsSite()
    {
        var word = UniqueWord();
        var id = await PublishAsync("sotaichinh", $"Phường Phan Đình Phùng họp bàn tài chính {word}", $"Sở Tài chính và Đội quản lý thị trường {word}", $"tin-tuc/{word}");

        var html = await SearchAsync("sotaichinh", $"phan dinh phung {word}");

        Assert.Contains("Tìm thấy 1 kết quả", html, StringComparison.Ordinal);
        Assert.Contains("<mark>Phan</mark> <mark>Đình</mark> <mark>Phùng</mark>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/tin-tuc/{word}\"", html, StringComparison.Ordinal);
        Assert.Contains("Tin bài", html, StringComparison.Ordinal);
        Assert.Matches(@"<time datetime=""\d{4}-\d{2}-\d{2}"">\d{2}/\d{2}/\d{4}</time>", html);
        // "tai chinh" finds "Tài chính"; "doi" finds "Đội" (d finds đ).
        Assert.Contains("<mark>Tài</mark> <mark>chính</mark>", await SearchAsync("sotaichinh", $"tai chinh {word}"), StringComparison.Ordinal);
        Assert.Contains("<mark>Đội</mark>", await SearchAsync("sotaichinh", $"doi {word}"), StringComparison.Ordinal);
        Assert.Contains("<mark>Đội</mark>", await SearchAsync("sotaichinh", $"ĐỘI {word}"), StringComparison.Ordinal);

        // Another site never shows it, not even its row.
        Assert.Contains("Không tìm thấy kết quả nào", await SearchAsync("phandinhphung", $"phan dinh phung {word}"), StringComparison.Ordinal);
        Assert.Equal(0, await App.InTenantAsync(App.Tenant("phandinhphung"), sp =>
            sp.GetRequiredService<PortalDbContext>().Set<SearchDocument>().CountAsync(d => d.ContentItemId == id)));
    }

    [ProviderFact]
    public async Task UnpublishedOrRemovedItem_IsGone_AndADraftIsNeverFound()
    {
        var word = UniqueWord();
        var id = await PublishAsync("sotaichinh", $"Kế hoạch chuyển đổi số {word}", "Nội dung kế hoạch", $"tin-tuc/{word}");
        Assert.Contains("Tìm thấy 1 kết quả", await SearchAsync("sotaichinh", word), StringComparison.Ordinal);

        await InSiteAsync("sotaichinh", sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(id));
        Assert.Contains("Không tìm thấy kết quả nào", await SearchAsync("sotaichinh", word), StringComparison.Ordinal);

        await InSiteAsync("sotaichinh", sp => sp.GetRequiredService<IContentManager>().PublishAsync(id));
        Assert.Contains("Tìm thấy 1 kết quả", await SearchAsync("sotaichinh", word), StringComparison.Ordinal);

        // An edit saved as a draft leaves the published text searchable; publishing it replaces it.
        var other = UniqueWord();
        await InSiteAsync("sotaichinh", async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var item = (await manager.GetAsync(id, VersionOptions.Latest))!;
            item.Data["TitlePart"] = new JsonObject { ["Title"] = $"Kế hoạch mới {other}" };
            await manager.UpdateAsync(item, publish: false);
            return true;
        });
        Assert.Contains("Tìm thấy 1 kết quả", await SearchAsync("sotaichinh", word), StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy kết quả nào", await SearchAsync("sotaichinh", other), StringComparison.Ordinal);
        await InSiteAsync("sotaichinh", sp => sp.GetRequiredService<IContentManager>().PublishAsync(id));
        Assert.Contains("Không tìm thấy kết quả nào", await SearchAsync("sotaichinh", word), StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 1 kết quả", await SearchAsync("sotaichinh", other), StringComparison.Ordinal);

        await InSiteAsync("sotaichinh", sp => sp.GetRequiredService<IContentManager>().RemoveAsync(id));
        Assert.Contains("Không tìm thấy kết quả nào", await SearchAsync("sotaichinh", other), StringComparison.Ordinal);

        var draft = UniqueWord();
        await InSiteAsync("sotaichinh", async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var item = await manager.NewAsync("Article");
            item.DisplayText = $"Bản nháp {draft}";
            item.Data["TitlePart"] = new JsonObject { ["Title"] = $"Bản nháp {draft}" };
            item.Data["RoutePart"] = new JsonObject { ["Path"] = $"tin-tuc/{draft}" };
            return await manager.CreateAsync(item, publish: false);
        });
        Assert.Contains("Không tìm thấy kết quả nào", await SearchAsync("sotaichinh", draft), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Results_AreRankedTitleFirst_AndPaged()
    {
        var word = UniqueWord();
        for (var i = 1; i <= 12; i++)
        {
            await PublishAsync("phandinhphung", $"Thông báo số {i}", $"Nội dung có từ {word} ở thân bài số {i}", $"thong-bao/{word}-{i}");
        }

        await PublishAsync("phandinhphung", $"Tiêu đề chứa {word}", "Thân bài không có từ đó", $"thong-bao/{word}-tieu-de");

        var first = await SearchAsync("phandinhphung", word);
        Assert.Contains("Tìm thấy 13 kết quả", first, StringComparison.Ordinal);
        Assert.Contains("(trang 1/2)", first, StringComparison.Ordinal);
        var firstResult = first[first.IndexOf("class=\"search-result-title\"", StringComparison.Ordinal)..];
        Assert.StartsWith($"class=\"search-result-title\"><a href=\"/thong-bao/{word}-tieu-de\"", firstResult, StringComparison.Ordinal);
        Assert.Contains($"href=\"/tim-kiem?q={word}&amp;page=2\"", first, StringComparison.Ordinal);

        var second = await SearchAsync("phandinhphung", word, "&page=2");
        Assert.Contains("(trang 2/2)", second, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(second, "class=\"search-result\""));
        // Past the end: the last page.
        Assert.Contains("(trang 2/2)", await SearchAsync("phandinhphung", word, "&page=99999"), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task BadInput_IsAnsweredInVietnamese_NeverA500_AndSetsNoCookie()
    {
        using var client = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        // 10,000 characters do not fit an address (over 2,048: the platform's Vietnamese 414 page);
        // the service reads such a query safely all the same.
        using (var tooLong = await client.GetAsync(new Uri($"/tim-kiem?q={new string('x', 10_000)}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.RequestUriTooLong, tooLong.StatusCode);
            Assert.Contains("Địa chỉ quá dài", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var direct = await InSiteAsync("sotaichinh", sp => sp.GetRequiredService<ISearchService>()
            .SearchAsync(new SearchQuery(string.Concat(Enumerable.Repeat("tài chính \"*(", 1_000)), int.MaxValue, "x\"'")));
        Assert.Equal(["tai", "chinh"], direct.Tokens);

        var queries = new[]
        {
            new string('x', 1_500),
            string.Concat(Enumerable.Repeat("tai chinh ", 100)),
            "\"tai chinh",
            "tai* OR -chinh",
            "NEAR(tai chinh)",
            "TenantId:abc",
            "{FoldedTitle}: x",
            "(((",
            "\"\"\"",
            "'; DROP TABLE \"SearchDocuments\"; --",
            "%00\u0000",
            "^*:-()\"",
        };
        foreach (var query in queries)
        {
            using var response = await client.GetAsync(new Uri($"/tim-kiem?q={Uri.EscapeDataString(query)}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} for a query of {query.Length} characters: {query[..Math.Min(query.Length, 40)]}");
            Assert.False(response.Headers.Contains("Set-Cookie"), query);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Contains("kết quả", StringComparison.Ordinal) || html.Contains("không có chữ hoặc số", StringComparison.Ordinal), query[..Math.Min(query.Length, 40)]);
        }

        foreach (var page in new[] { "abc", "-1", "0", "99999999999999999999", "1e3", "" })
        {
            using var response = await client.GetAsync(new Uri($"/tim-kiem?q=tai+chinh&page={Uri.EscapeDataString(page)}&loai=Khong%20co", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var empty = await client.GetAsync(new Uri("/tim-kiem", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.False(empty.Headers.Contains("Set-Cookie"));
        var form = await empty.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"search-q\">Từ khóa</label>", form, StringComparison.Ordinal);
        Assert.Contains("method=\"get\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("kết quả", form, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", form, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task RebuildCommand_RestoresTheIndex()
    {
        var word = UniqueWord();
        await PublishAsync("sotaichinh", $"Lịch tiếp công dân {word}", "Lịch tiếp công dân của lãnh đạo Sở", $"lich/{word}");
        var before = await InSiteAsync("sotaichinh", sp => sp.GetRequiredService<PortalDbContext>().Set<SearchDocument>().CountAsync());
        await InSiteAsync("sotaichinh", sp => sp.GetRequiredService<PortalDbContext>().Set<SearchDocument>().ExecuteDeleteAsync());
        Assert.Contains("Không tìm thấy kết quả nào", await SearchAsync("sotaichinh", word), StringComparison.Ordinal);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OperatorCommands.RunAsync(App.Services, ["search", "rebuild", "--tenant", "sotaichinh"], new CommandConsole(output, error, Environment.CurrentDirectory));

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("sotaichinh", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{before} mục", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Đã dựng lại chỉ mục tìm kiếm của 1 trang", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 1 kết quả", await SearchAsync("sotaichinh", word), StringComparison.Ordinal);
        Assert.Equal(2, await OperatorCommands.RunAsync(App.Services, ["search", "rebuil"], new CommandConsole(output, error, Environment.CurrentDirectory)));
        Assert.Equal(1, await OperatorCommands.RunAsync(App.Services, ["search", "rebuild", "--tenant", "khongco"], new CommandConsole(output, error, Environment.CurrentDirectory)));
    }

    // Letters and digits only: one word, found nowhere else.
    private static string UniqueWord() => "tk" + Guid.NewGuid().ToString("N")[..12];

    private async Task<string> SearchAsync(string site, string query, string extra = "")
    {
        using var client = App.ClientFor(PortalAppFactory.HostOf(site));
        using var response = await client.GetAsync(new Uri($"/tim-kiem?q={Uri.EscapeDataString(query)}{extra}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> PublishAsync(string site, string title, string body, string path) =>
        await InSiteAsync(site, async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var item = await manager.NewAsync("Article");
            item.DisplayText = title;
            item.Data["TitlePart"] = new JsonObject { ["Title"] = title };
            item.Data["BodyPart"] = new JsonObject { ["Html"] = $"<p>{body}</p>" };
            item.Data["RoutePart"] = new JsonObject { ["Path"] = path };
            return (await manager.CreateAsync(item, publish: true)).ContentItemId;
        });

    private Task<T> InSiteAsync<T>(string site, Func<IServiceProvider, Task<T>> work) => App.InTenantAsync(App.Tenant(site), work);
}

public sealed class SqliteSearchTests(SqliteAppFactory app) : SearchTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresSearchTests(PostgresAppFactory app) : SearchTests<PostgresAppFactory>(app);
