using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Tenants.Services;
using Portal.Modules.Users.Services;

namespace Portal.Integration.Tests;

/// <summary>Tenancy through the real app on a real database; run once per provider.</summary>
public abstract class TenancyTests<TFactory>(TFactory app) : PortalAppTests<TFactory>(app)
    where TFactory : PortalAppFactory
{
    public static TheoryData<string, string> DemoSites => new()
    {
        { "Default", "Cổng Thông tin điện tử tỉnh Thái Nguyên" },
        { "sotaichinh", "Sở Tài chính" },
        { "sokhoahoccongnghe", "Sở Khoa học và Công nghệ" },
        { "phandinhphung", "Phường Phan Đình Phùng" },
        { "phuluong", "Xã Phú Lương" },
    };

    [ProviderFact]
    public async Task EachDemoHost_ReachesItsOwnTenant()
    {
        foreach (var (label, displayName) in DemoSites.Select(row => ((string)row[0], (string)row[1])))
        {
            using var client = App.ClientFor(PortalAppFactory.HostOf(label));
            var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"<title>{displayName}</title>", html, StringComparison.Ordinal);
            foreach (var other in DemoSites.Select(row => (string)row[1]).Where(n => n != displayName && !displayName.Contains(n, StringComparison.Ordinal)))
            {
                Assert.DoesNotContain($"<title>{other}</title>", html, StringComparison.Ordinal);
            }
        }
    }

    [ProviderFact]
    public async Task UnknownHost_Gets404PageInVietnamese()
    {
        using var client = App.ClientFor("khongco.example.org");
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task HealthEndpoints_AnswerOnAnyHost()
    {
        using var client = App.ClientFor("10.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [ProviderFact]
    public async Task NewTenant_AnswersAtOnce_AndAfterDisablingAnswers503()
    {
        var name = "Sở Thử nghiệm " + Guid.NewGuid().ToString("N")[..6];
        var tenant = await CreateTenantAsync(name);
        using var client = App.ClientFor(tenant.HostNames[0]);

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await WithPortalAsync(sp => sp.GetRequiredService<TenantProvisioner>().SetStateAsync(tenant.Id, TenantState.Disabled));
        var disabled = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, disabled.StatusCode);
        Assert.Contains("tạm ngừng hoạt động", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await WithPortalAsync(sp => sp.GetRequiredService<TenantProvisioner>().SetStateAsync(tenant.Id, TenantState.Running));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [ProviderFact]
    public async Task DataWrittenInA_IsInvisibleFromB_ThroughEveryQueryPath()
    {
        var a = await CreateTenantAsync("Sở Dữ liệu A " + Guid.NewGuid().ToString("N")[..6]);
        var b = await CreateTenantAsync("Sở Dữ liệu B " + Guid.NewGuid().ToString("N")[..6]);
        var path = "bi-mat-" + Guid.NewGuid().ToString("N")[..6];
        var itemId = await InTenantAsync(a, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await contents.NewAsync("Article");
            item.DisplayText = "Tin riêng của A";
            item.Apply(new RoutePart { Path = path });
            return (await contents.CreateAsync(item, publish: true)).ContentItemId;
        });

        await InTenantAsync(b, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            Assert.Null(await contents.GetAsync(itemId, VersionOptions.Latest));
            Assert.Null(await contents.GetAsync(itemId, VersionOptions.Published));
            Assert.Empty(await contents.GetVersionsAsync(itemId));
            Assert.DoesNotContain(await contents.QueryLatest().ToListAsync(), i => i.ContentItemId == itemId);
            Assert.DoesNotContain(await contents.QueryPublished("Article").ToListAsync(), i => i.ContentItemId == itemId);
            Assert.Null(await sp.GetRequiredService<IContentRouteLookup>().FindPublishedByPathAsync(path));

            var db = sp.GetRequiredService<PortalDbContext>();
            Assert.False(await db.Set<ContentItem>().AnyAsync(i => i.ContentItemId == itemId));
            Assert.False(await db.Set<ContentItem>().AnyAsync(i => i.TenantId == a.Id));
            Assert.False(await db.Set<AuditEntry>().AnyAsync(e => e.TenantId == a.Id));
            Assert.False(await db.Set<ContentTypeDefinition>().AnyAsync(t => t.TenantId == a.Id));
            return 0;
        });

        // And A still sees it: the filter hides, it does not lose.
        await InTenantAsync(a, async sp =>
        {
            Assert.NotNull(await sp.GetRequiredService<IContentManager>().GetAsync(itemId, VersionOptions.Published));
            return 0;
        });
    }

    [ProviderFact]
    public async Task RowOfB_CannotBeSavedWhileAIsCurrent()
    {
        var a = await CreateTenantAsync("Sở Ghi A " + Guid.NewGuid().ToString("N")[..6]);
        var b = await CreateTenantAsync("Sở Ghi B " + Guid.NewGuid().ToString("N")[..6]);
        var rowOfB = await InTenantAsync(b, async sp => await sp.GetRequiredService<PortalDbContext>().Set<ContentItem>().AsNoTracking().FirstAsync());

        await InTenantAsync(a, async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            db.Set<ContentItem>().Attach(rowOfB);
            rowOfB.DisplayText = "Ghi đè từ A";
            await Assert.ThrowsAsync<TenantDataException>(() => db.SaveChangesAsync());

            db.ChangeTracker.Clear();
            db.Set<AuditEntry>().Add(new AuditEntry { TenantId = b.Id, Actor = "kẻ gian", Action = "test", AtUtc = DateTimeOffset.UtcNow });
            await Assert.ThrowsAsync<TenantDataException>(() => db.SaveChangesAsync());
            return 0;
        });

        await InTenantAsync(b, async sp =>
        {
            var stored = await sp.GetRequiredService<PortalDbContext>().Set<ContentItem>().AsNoTracking().FirstAsync(i => i.Id == rowOfB.Id);
            Assert.NotEqual("Ghi đè từ A", stored.DisplayText);
            return 0;
        });
    }

    [ProviderFact]
    public async Task Admin_AsksAnAnonymousVisitorToSignIn()
    {
        using var client = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        var response = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Đăng nhập", await client.GetStringAsync(new Uri("/admin/login", UriKind.Relative)), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task UserOfA_CannotSignInOnB_AndTheCookieOfA_IsRefusedOnB()
    {
        var a = await CreateTenantAsync("Sở Đăng nhập A " + Guid.NewGuid().ToString("N")[..6]);
        var b = await CreateTenantAsync("Sở Đăng nhập B " + Guid.NewGuid().ToString("N")[..6]);
        const string Password = "Bien-Tap-Vien-2026";
        var created = await InTenantAsync(a, sp => sp.GetRequiredService<IUserAccounts>().CreateUserAsync("bientapvien", null, Password, ["Biên tập viên"]));
        Assert.True(created.Succeeded);

        using var onB = App.ClientFor(b.HostNames[0]);
        var refused = await SignInAsync(onB, "bientapvien", Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var onA = App.ClientFor(a.HostNames[0]);
        var accepted = await SignInAsync(onA, "bientapvien", Password);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var cookie = string.Join("; ", accepted.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        // The same cookie replayed on B's host is not even readable there.
        using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        replay.Headers.Add("Cookie", cookie);
        using var stranger = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://{b.HostNames[0]}/"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        var response = await stranger.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [ProviderFact]
    public async Task AUserWithoutTheAdminRight_IsTurnedAwayFromTheAdmin()
    {
        var site = await CreateTenantAsync("Sở Quyền " + Guid.NewGuid().ToString("N")[..6]);
        const string Password = "Nguoi-Dung-2026";
        Assert.True((await InTenantAsync(site, sp => sp.GetRequiredService<IUserAccounts>().CreateUserAsync("congdan", null, Password, []))).Succeeded);

        using var client = App.ClientFor(site.HostNames[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "congdan", Password)).StatusCode);
        var response = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Không có quyền truy cập", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task TenantsAdmin_IsOnlyOnTheProvincePortal()
    {
        foreach (var (label, expected) in new[] { ("Default", HttpStatusCode.OK), ("sotaichinh", HttpStatusCode.NotFound) })
        {
            using var client = App.ClientFor(PortalAppFactory.HostOf(label));
            if (label == "Default")
            {
                // The province portal requires its administrators' second factor.
                await App.SignInAsProvinceAdminAsync(client);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "admin", PortalAppFactory.AdminPassword)).StatusCode);
            }

            Assert.Equal(expected, (await client.GetAsync(new Uri("/admin/tenants", UriKind.Relative))).StatusCode);
        }
    }

    [ProviderFact]
    public async Task OutsideDevelopment_CookiesAreSecureAndHostPrefixed_EvenOverPlainHttp_AndHttpsGetsHsts()
    {
        // TLS may end at a proxy the portal was not told about: the browser still talks HTTPS.
        using var plain = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"), "http");
        var form = await plain.GetAsync(new Uri("/admin/login", UriKind.Relative));
        Assert.Contains(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-portal-antiforgery=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        var signedIn = await SignInAsync(plain, "admin", PortalAppFactory.AdminPassword);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-portal=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));

        using var https = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        var secure = await https.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }
}

public sealed class SqliteTenancyTests(SqliteAppFactory app) : TenancyTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresTenancyTests(PostgresAppFactory app) : TenancyTests<PostgresAppFactory>(app);
