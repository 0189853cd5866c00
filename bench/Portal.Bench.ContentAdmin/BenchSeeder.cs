using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Tenants.Services;
using Portal.Modules.Users.Services;

namespace Portal.Bench.ContentAdmin;

internal sealed record SeededTenant(string Host, string EditorUserName, string EditorPassword, IReadOnlyList<SeededItem> Items);

internal sealed record SeededItem(string Id, string Path);

internal sealed record SeedResult(IReadOnlyList<SeededTenant> Tenants, int ItemsPerTenant, double ProvisionSeconds, double ItemsSeconds, double ItemsPerSecond);

/// <summary>
/// Provisions the component sites (the real provisioner, <c>component-site</c> recipe), an editor
/// ("Biên tập viên") on each, and the items through the real <see cref="IContentManager"/>
/// (<c>CreateAsync</c>: handlers, validation, sanitiser, index rows, audit, one transaction per
/// item), so every row is the one the admin would have written. Every third item is published.
/// <para>
/// Fast path (10,000 items through the manager take tens of minutes on a busy 2-core machine):
/// per site, items 0 (published) and 1 (draft) are created through the real
/// <see cref="IContentManager"/>; every row that creation wrote (the version, its index rows,
/// its audit entries) is captured and copied for the other items, with the item's own ids, title,
/// normalised title, summary, body, path, author and times put in. Items 3 and 4 are created
/// through the manager as well, and the copies made for them must equal, column by column
/// (times aside), what the manager wrote, or the seeding stops.
/// </para>
/// </summary>
internal static class BenchSeeder
{
    public const string ContentType = "Article";
    public const string EditorRole = "Biên tập viên";

    // Half the titles start with "Thông báo": the driver's search "thong bao" matches ~50% of a site.
    private static readonly string[] Kinds = ["Thông báo", "Thông báo", "Thông báo", "Kế hoạch", "Báo cáo", "Hướng dẫn"];
    private static readonly string[] Topics =
    [
        "quyết toán ngân sách", "tài chính doanh nghiệp", "đầu tư công", "cải cách hành chính", "chuyển đổi số",
        "tuyển sinh lớp 10", "tiêm chủng mở rộng", "phòng chống thiên tai", "an toàn giao thông", "giá đất",
        "thu hút đầu tư", "lịch tiếp công dân", "phát triển du lịch", "xây dựng nông thôn mới",
    ];

    private static readonly string[] Authors = ["bientap1", "bientap2", "bientap3", "truongban", "congtacvien"];
    private const int ItemsReturned = 400;
    private const int CopyBatch = 1000;

    public static async Task<SeedResult> SeedAsync(IServiceProvider services, int tenants, int items)
    {
        var directory = services.GetRequiredService<ITenantDirectory>();
        var scopes = services.GetRequiredService<ITenantScopeFactory>();
        var portal = directory.FindByName(TenantDescriptor.DefaultName) ?? throw new InvalidOperationException("the province portal is not set up");
        var provision = Stopwatch.StartNew();
        var sites = new List<TenantDescriptor>();
        for (var t = 1; t <= tenants; t++)
        {
            TenantResult result;
            await using (var scope = scopes.CreateScope(portal))
            {
                result = await scope.ServiceProvider.GetRequiredService<TenantProvisioner>()
                    .CreateAsync(new CreateTenantRequest($"Đơn vị thử nghiệm {t}", TenantKind.Department) { Label = $"donvi{t}" }, portal);
            }

            if (!result.Succeeded)
            {
                throw new InvalidOperationException("provisioning failed: " + string.Join("; ", result.Errors));
            }

            sites.Add(result.Tenant!);
        }

        provision.Stop();
        Progress($"provisioned {tenants} sites in {provision.Elapsed.TotalSeconds:F1} s");

        var password = "Bn-" + Guid.NewGuid().ToString("N")[..16] + "#7x";
        var seeded = new List<SeededTenant>();
        var writing = Stopwatch.StartNew();
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        foreach (var (site, t) in sites.Select((s, i) => (s, i + 1)))
        {
            await using (var scope = scopes.CreateScope(site))
            {
                var created = await scope.ServiceProvider.GetRequiredService<IUserAccounts>().CreateUserAsync("bientap", null, password, [EditorRole]);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("editor not created: " + string.Join("; ", created.Errors));
                }
            }

            var kept = new List<SeededItem>();
            var tenantWatch = Stopwatch.StartNew();
            // Through the content manager: the two templates (published, draft) and two items to check the copies against.
            var real = new Dictionary<int, ItemRows>();
            foreach (var n in new[] { 0, 1, 3, 4 }.Where(n => n < items))
            {
                real[n] = await CreateThroughManagerAsync(scopes, accessor, site, t, n);
            }

            foreach (var n in real.Keys.Where(n => n >= 3))
            {
                var copy = ItemRows.CopyOf(Template(real, n), t, n, real[n].Id, real[n].VersionId, items);
                copy.EnsureSameAs(real[n]);
            }

            for (var start = 0; start < items; start += CopyBatch)
            {
                // A scope (one DbContext, one SaveChanges) per batch of copies.
                await using var scope = scopes.CreateScope(site);
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                foreach (var n in Enumerable.Range(start, Math.Min(CopyBatch, items - start)).Where(n => !real.ContainsKey(n)))
                {
                    var copy = ItemRows.CopyOf(Template(real, n), t, n, ContentItem.NewId(), ContentItem.NewId(), items);
                    foreach (var row in copy.Rows)
                    {
                        db.Add(row.Entity);
                    }
                }

                await db.SaveChangesAsync();
            }

            foreach (var n in Enumerable.Range(0, items).Where(n => n % Math.Max(1, items / ItemsReturned) == 0).Take(ItemsReturned))
            {
                kept.Add(new SeededItem(await IdOfAsync(scopes, site, RoutePath(n)), RoutePath(n)));
            }

            Progress($"site donvi{t}: {items} items in {tenantWatch.Elapsed.TotalSeconds:F1} s");
            seeded.Add(new SeededTenant(site.HostNames[0], "bientap", password, kept));
        }

        writing.Stop();
        var total = (double)items * tenants;
        return new SeedResult(seeded, items, provision.Elapsed.TotalSeconds, writing.Elapsed.TotalSeconds, total / writing.Elapsed.TotalSeconds);
    }

    private static ItemRows Template(Dictionary<int, ItemRows> real, int n) => real[n % 3 == 0 ? 0 : 1];

    public static string RoutePath(int n) => $"tin-tuc/bai-{n + 1}";

    public static string Author(int n) => Authors[n % Authors.Length];

    private static async Task<ItemRows> CreateThroughManagerAsync(ITenantScopeFactory scopes, IHttpContextAccessor accessor, TenantDescriptor site, int t, int n)
    {
        await using var scope = scopes.CreateScope(site);
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // The item's author, as if they had written it: the content manager asks the HTTP context.
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, Author(n))], "bench")) };
        try
        {
            var item = await manager.NewAsync(ContentType);
            var title = Title(t, n);
            item.DisplayText = title;
            item.Data[nameof(TitlePart)] = new JsonObject { [nameof(TitlePart.Title)] = title };
            item.Data["Summary"] = new JsonObject { ["Text"] = Summary(title) };
            item.Data[nameof(BodyPart)] = new JsonObject { [nameof(BodyPart.Html)] = Body(title) };
            item.Data[nameof(RoutePart)] = new JsonObject { [nameof(RoutePart.Path)] = RoutePath(n) };
            var saved = await manager.CreateAsync(item, publish: n % 3 == 0);
            // The scope is fresh: what it tracks now is what the creation wrote (the version itself is handed back detached).
            // The audit trail's per-tenant chain head (AuditChains) is updated in place, not written per item: not copied.
            var rows = db.ChangeTracker.Entries().Where(e => e.Metadata.ClrType.Name != "AuditChain").Select(e => new Row(e.Metadata, e.Entity)).Prepend(new Row(db.Model.FindEntityType(typeof(ContentItem))!, saved)).ToList();
            return new ItemRows(n, saved.ContentItemId, saved.ContentItemVersionId, rows);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private static async Task<string> IdOfAsync(ITenantScopeFactory scopes, TenantDescriptor site, string path)
    {
        await using var scope = scopes.CreateScope(site);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<RouteIndex>().AsNoTracking()
            .Where(r => r.Path == path).Select(r => r.ContentItemId).FirstAsync();
    }

    public static string Summary(string title) => $"Tóm tắt: {title.ToLowerInvariant()}.";

    /// <summary>Keeps a compact copy of the seeded SQLite database and the seed's description in <paramref name="folder"/>.</summary>
    public static async Task KeepAsync(IServiceProvider services, string folder, SeedResult seeded)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!db.Database.IsSqlite())
        {
            Progress("--data keeps SQLite databases only; nothing kept");
            return;
        }

        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, "portal.db");
        File.Delete(target);
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0};", target);
        await File.WriteAllTextAsync(Path.Combine(folder, BenchServer.SeedFile), JsonSerializer.Serialize(seeded, BenchJson.Options));
        Progress($"kept the seeded database in {folder}");
    }

    /// <summary>"Thông báo về chuyển đổi số năm 2026 (số 123/ĐV4)": deterministic, varied, Vietnamese.</summary>
    public static string Title(int tenant, int n) =>
        $"{Kinds[n % Kinds.Length]} về {Topics[(n / Kinds.Length + tenant) % Topics.Length]} năm {2020 + n % 7} (số {n + 1}/ĐV{tenant})";

    /// <summary>
    /// An article of a real length (about 21 KB of HTML, ~3,000 words: the page is then ~30 KB, as
    /// the figure assumes): the title once, then numbered sections of plain administrative prose.
    /// </summary>
    public static string Body(string title) =>
        $"<p>Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, đơn vị ban hành <strong>{title}</strong>.</p>" +
        string.Concat(Enumerable.Range(1, BodySections).Select(Section));

    private const int BodySections = 16;

    private static string Section(int i) =>
        $"<h2>{i}. Nội dung thực hiện phần {i}</h2>" +
        "<p>Các phòng, ban chuyên môn căn cứ chức năng, nhiệm vụ được giao tổ chức triển khai thực hiện, " +
        "báo cáo kết quả về Văn phòng trước ngày 25 hằng tháng để tổng hợp. Trong quá trình thực hiện, " +
        "nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh để được hướng dẫn, giải quyết theo thẩm quyền.</p>" +
        "<p>Ủy ban nhân dân các xã, phường chủ động phối hợp với các cơ quan, đơn vị liên quan rà soát, " +
        "cập nhật số liệu, bảo đảm thông tin đầy đủ, chính xác, kịp thời; tăng cường công tác tuyên truyền " +
        "để người dân, doanh nghiệp biết, hiểu và thực hiện đúng quy định của pháp luật.</p>" +
        "<p>Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về kết quả " +
        "thực hiện nhiệm vụ được giao; định kỳ đánh giá, rút kinh nghiệm, đề xuất khen thưởng các tập thể, " +
        "cá nhân có thành tích xuất sắc và xử lý nghiêm các trường hợp vi phạm.</p>" +
        "<ul><li>Thời gian: từ ngày ký ban hành đến hết năm kế hoạch.</li><li>Địa điểm: trụ sở cơ quan và các điểm tiếp nhận.</li>" +
        "<li>Kinh phí: từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác theo quy định.</li></ul>";

    private static void Progress(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");
}
