using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Feedback.Models;
using Portal.Modules.Feedback.Pages;
using Portal.Modules.Feedback.Services;

namespace Portal.Integration.Tests;

/// <summary>
/// Readers' feedback through the real app: <c>POST /phan-hoi</c> without an antiforgery cookie
/// (same-origin, strict validation, rate limit), results for the site's editors only; run once per provider.
/// </summary>
public abstract class FeedbackTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    // One signed-in admin per app and site: sign-in is rate-limited per site (10 a minute).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(PortalAppFactory, string), Lazy<Task<HttpClient>>> Admins = new();

    protected TFactory App { get; } = app;

    [ProviderFact]
    public async Task ValidAnswer_IsStored_WithoutTheAddress_AndCountedOnTheAdminResults()
    {
        var host = PortalAppFactory.HostOf("sotaichinh");
        using var reader = App.ClientFor(host);
        var comment = "Thông tin rõ ràng, dễ hiểu " + Guid.NewGuid().ToString("N")[..6];

        using var response = await PostAsync(reader, host, "yes", "/gioi-thieu", comment);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SubmitModel.Thanks, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/gioi-thieu\"", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\"", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"), "the feedback answer set a cookie");

        var entry = await InTenantAsync("sotaichinh", sp => sp.GetRequiredService<PortalDbContext>().Set<FeedbackEntry>().SingleAsync(e => e.Comment == comment));
        var page = await InTenantAsync("sotaichinh", sp => sp.GetRequiredService<IContentRouteLookup>().FindPublishedByPathAsync("gioi-thieu"));
        Assert.True(entry.Helpful);
        Assert.Equal("gioi-thieu", entry.Path);
        Assert.Equal(page!.ContentItemId, entry.ContentItemId);
        Assert.Equal("Giới thiệu", entry.Title);
        Assert.Equal(DateOnly.FromDateTime(Portal.Core.Text.VietnamTime.From(entry.CreatedUtc)), entry.Day);
        Assert.Matches("^[0-9a-f]{32}$", entry.ClientHash);

        // With the form's script: JSON.
        using var json = await PostAsync(reader, host, "no", "gioi-thieu", null, acceptJson: true);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(SubmitModel.Thanks, JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());

        var admin = await AdminAsync("sotaichinh");
        var results = await admin.GetStringAsync(new Uri("/admin/feedback", UriKind.Relative));
        Assert.Contains("<h1>Ý kiến bạn đọc</h1>", results, StringComparison.Ordinal);
        var row = RowOf(results, "Giới thiệu");
        var counts = await InTenantAsync("sotaichinh", async sp =>
        {
            var entries = sp.GetRequiredService<PortalDbContext>().Set<FeedbackEntry>().Where(e => e.ContentItemId == page.ContentItemId);
            return (Yes: await entries.CountAsync(e => e.Helpful), No: await entries.CountAsync(e => !e.Helpful));
        });
        Assert.True(counts.Yes >= 1 && counts.No >= 1);
        Assert.Contains($"<td>{counts.Yes}</td>", row, StringComparison.Ordinal);
        Assert.Contains($"<td>{counts.No}</td>", row, StringComparison.Ordinal);

        using var export = await admin.GetAsync(new Uri("/admin/feedback?handler=Export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(Portal.Modules.Feedback.Pages.Admin.Feedback.IndexModel.XlsxContentType, export.Content.Headers.ContentType!.MediaType);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await export.Content.ReadAsStreamAsync());
        Assert.Contains(workbook.Worksheet("Góp ý").RowsUsed(), r => r.Cell(5).GetString() == comment);
        Assert.Contains(workbook.Worksheet("Kết quả theo trang").RowsUsed(), r => r.Cell(2).GetString() == "/gioi-thieu");
    }

    [ProviderFact]
    public async Task CrossOriginPost_IsRefused_AndNothingIsStored()
    {
        var site = await App.CreateTenantAsync("Sở Phản Hồi " + Guid.NewGuid().ToString("N")[..6]);
        var host = site.HostNames[0];
        using var reader = App.ClientFor(host);
        var comment = "Gửi từ trang khác " + Guid.NewGuid().ToString("N")[..6];

        foreach (var (header, value) in new[]
        {
            ("Origin", "https://evil.example"),
            ("Origin", $"https://{PortalAppFactory.HostOf("sotaichinh")}"),
            ("Sec-Fetch-Site", "cross-site"),
            ("Referer", "https://evil.example/trang"),
            ("", ""),
        })
        {
            using var response = await PostAsync(reader, host, "yes", "gioi-thieu", comment, origin: (header, value));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains(SubmitModel.CrossSite, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await InTenantAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<FeedbackEntry>().CountAsync()));
    }

    [ProviderFact]
    public async Task UnknownDraftOrBadInput_IsRefusedInVietnamese_AndNothingIsStored()
    {
        var site = await App.CreateTenantAsync("Sở Đường Dẫn " + Guid.NewGuid().ToString("N")[..6]);
        var host = site.HostNames[0];
        using var reader = App.ClientFor(host);
        var draft = await InTenantAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<RouteIndex>().Where(r => !r.Published).Select(r => r.Path).FirstOrDefaultAsync());

        foreach (var path in new[] { "tin-tuc/khong-co-bai-nay", draft ?? "tin-tuc/ban-nhap" })
        {
            using var unknown = await PostAsync(reader, host, "yes", path, "Bài này ở đâu?");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Contains(FeedbackInput.UnknownPage, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var noRating = await PostAsync(reader, host, "", "gioi-thieu", null, acceptJson: true);
        Assert.Equal(HttpStatusCode.BadRequest, noRating.StatusCode);
        Assert.Equal(FeedbackInput.RatingRequired, JsonDocument.Parse(await noRating.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        using var tooLong = await PostAsync(reader, host, "no", "gioi-thieu", new string('x', 501));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains(FeedbackInput.CommentTooLong, await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await InTenantAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<FeedbackEntry>().CountAsync()));
        // Opening /phan-hoi is nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/phan-hoi", UriKind.Relative))).StatusCode);
    }

    [ProviderFact]
    public async Task AFloodOfAnswers_From_OneClient_Gets429_AfterFive_AndOnlyFiveAreStored()
    {
        var site = await App.CreateTenantAsync("Sở Giới Hạn Ý Kiến " + Guid.NewGuid().ToString("N")[..6]);
        var host = site.HostNames[0];
        using var reader = App.ClientFor(host);

        for (var i = 1; i <= 5; i++)
        {
            using var accepted = await PostAsync(reader, host, "yes", "gioi-thieu", $"Ý kiến số {i}");
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var sixth = await PostAsync(reader, host, "yes", "gioi-thieu", "Ý kiến số 6");
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("Quá nhiều yêu cầu", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, await InTenantAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<FeedbackEntry>().CountAsync()));

        // Another site is not held back by this client's flood.
        using var elsewhere = App.ClientFor(PortalAppFactory.HostOf("phandinhphung"));
        using var other = await PostAsync(elsewhere, PortalAppFactory.HostOf("phandinhphung"), "yes", "gioi-thieu", null);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [ProviderFact]
    public async Task CommentWithMarkup_IsStoredAsText_ShownEncoded_DeletedWithAnAuditEntry_AndNeverShownToAnotherSite()
    {
        var host = PortalAppFactory.HostOf("sotaichinh");
        using var reader = App.ClientFor(host);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var comment = $"<script>alert('{marker}')</script> <b>đậm</b>";

        using var response = await PostAsync(reader, host, "no", "gioi-thieu", comment);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await InTenantAsync("sotaichinh", sp => sp.GetRequiredService<PortalDbContext>().Set<FeedbackEntry>().SingleAsync(e => e.Comment == comment));

        var admin = await AdminAsync("sotaichinh");
        var commentsUrl = $"/admin/feedback/comments?item={entry.ContentItemId}";
        var comments = await admin.GetStringAsync(new Uri(commentsUrl, UriKind.Relative));
        Assert.Contains($"&lt;script&gt;alert(&#x27;{marker}&#x27;)&lt;/script&gt; &lt;b&gt;đậm&lt;/b&gt;", comments, StringComparison.Ordinal);
        Assert.DoesNotContain($"<script>alert('{marker}')", comments, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", comments);

        // Another site's administrator sees neither the results nor the comments of this site.
        var other = await AdminAsync("phandinhphung");
        Assert.DoesNotContain(marker, await other.GetStringAsync(new Uri("/admin/feedback", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(commentsUrl, UriKind.Relative))).StatusCode);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(await (await other.GetAsync(new Uri("/admin/feedback?handler=Export", UriKind.Relative))).Content.ReadAsStreamAsync()))
        {
            Assert.DoesNotContain(workbook.Worksheet("Góp ý").RowsUsed(), r => r.Cell(5).GetString().Contains(marker, StringComparison.Ordinal));
        }

        // A visitor may not read them.
        Assert.Equal(HttpStatusCode.Redirect, (await reader.GetAsync(new Uri(commentsUrl, UriKind.Relative))).StatusCode);

        // Deleting the abusive comment keeps the rating and is audited.
        using var deleted = await admin.PostFormAsync(commentsUrl, $"{commentsUrl}&handler=Delete&id={entry.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var (kept, audited) = await InTenantAsync("sotaichinh", async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var row = await db.Set<FeedbackEntry>().SingleAsync(e => e.Id == entry.Id);
            return (row, await db.Set<AuditEntry>().AnyAsync(a => a.Action == FeedbackService.DeleteCommentAction && a.Details!.Contains(marker)));
        });
        Assert.Null(kept.Comment);
        Assert.False(kept.Helpful);
        Assert.True(audited);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string host, string rating, string path, string? comment, bool acceptJson = false, (string Name, string Value)? origin = null)
    {
        var fields = new Dictionary<string, string> { [FeedbackInput.RatingField] = rating, [FeedbackInput.PathField] = path };
        if (comment is not null)
        {
            fields[FeedbackInput.CommentField] = comment;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/phan-hoi", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        var (name, value) = origin ?? ("Origin", $"https://{host}");
        if (name.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (acceptJson)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await client.SendAsync(request);
    }

    private static string RowOf(string html, string title)
    {
        var at = html.IndexOf($">{title}</a>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no row for {title}");
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[at..end];
    }

    private Task<HttpClient> AdminAsync(string label) => Admins.GetOrAdd((App, label), key => new Lazy<Task<HttpClient>>(async () =>
    {
        var client = App.ClientFor(PortalAppFactory.HostOf(label));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("admin", PortalAppFactory.AdminPassword)).StatusCode);
        return client;
    })).Value;

    private Task<T> InTenantAsync<T>(string name, Func<IServiceProvider, Task<T>> work) => App.InTenantAsync(App.Tenant(name), work);

    private Task<T> InTenantAsync<T>(TenantDescriptor tenant, Func<IServiceProvider, Task<T>> work) => App.InTenantAsync(tenant, work);
}

public sealed class SqliteFeedbackTests(SqliteAppFactory app) : FeedbackTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresFeedbackTests(PostgresAppFactory app) : FeedbackTests<PostgresAppFactory>(app);
