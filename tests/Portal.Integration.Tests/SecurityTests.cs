using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Pages.Admin;
using Portal.Modules.Users.Services;
using Portal.Web.Hosting;

namespace Portal.Integration.Tests;

/// <summary>Accounts and sessions (issue 7): proxy-aware cookies, headers, sign-in abuse, session limits and revocation.</summary>
public sealed partial class SecurityTests(SecurityAppFactory app) : IClassFixture<SecurityAppFactory>
{
    private const string Site = "sotaichinh";
    private static readonly string Host = PortalAppFactory.HostOf(Site);

    // --- Finding 1: cookies behind the reverse proxy ---------------------------------------------

    [Fact]
    public async Task BehindAKnownProxy_AnHttpsSignIn_GivesSecureHostPrefixedSessionCookies()
    {
        using var client = app.ClientBehindProxy(Host, SecurityAppFactory.KnownProxy, SecurityAppFactory.NewClientAddress());

        var form = await client.GetAsync(new Uri("/admin/login", UriKind.Relative));
        var antiforgery = CookieNamed(form, "__Host-portal-antiforgery");
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);

        var signedIn = await PostLoginAsync(client, "admin", PortalAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = CookieNamed(signedIn, "__Host-portal");
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);
        // Finding 2: an admin session is never persistent.
        Assert.DoesNotContain("expires=", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("max-age=", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheSameForwardedHeaders_FromAnUnknownAddress_AreIgnored()
    {
        using var client = app.ClientBehindProxy(Host, "10.99.99.99", "203.0.113.7");

        var form = await client.GetAsync(new Uri("/admin/login", UriKind.Relative));
        var antiforgery = CookieNamed(form, "portal-antiforgery");
        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var signedIn = await PostLoginAsync(client, "admin", PortalAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", CookieNamed(signedIn, ".portal.auth"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NginxExample_SetsExactlyTheForwardedHeadersTheAppTrusts()
    {
        var conf = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "nginx", "portal.conf"));
        var set = ProxySetHeader().Matches(conf).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.OrdinalIgnoreCase);

        Assert.Equal("$host", set["Host"]);
        Assert.Equal("$remote_addr", set["X-Forwarded-For"]);
        Assert.Equal("$scheme", set["X-Forwarded-Proto"]);
        Assert.Equal("\"\"", set["X-Forwarded-Host"]);

        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.Equal(ReverseProxy.TrustedHeaders, options.ForwardedHeaders);
        Assert.Equal([IPAddress.Parse(SecurityAppFactory.KnownProxy)], options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
        // The example names the header the app reads for the client, and one entry of it only.
        Assert.Equal("X-Forwarded-For", options.ForwardedForHeaderName);
        Assert.Equal(1, options.ForwardLimit);
    }

    // --- Finding 10: security headers ------------------------------------------------------------

    [Fact]
    public async Task PublicPages_CarryTheirScreenStylesInline_AllowedByHashOnly()
    {
        using var client = app.ClientFrom(Host);
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var match = System.Text.RegularExpressions.Regex.Match(html, "<style>(.*?)</style>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "no inline stylesheet");
        // The only stylesheet file is the print one, which a screen never waits for.
        var links = System.Text.RegularExpressions.Regex.Matches(html, "<link rel=\"stylesheet\"[^>]*>");
        Assert.All(links, link => Assert.Contains("media=\"print\"", link.Value, StringComparison.Ordinal));
        Assert.Single(links);
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(match.Groups[1].Value)));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var styleSrc = csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("style-src ", StringComparison.Ordinal));
        Assert.Equal($"style-src 'self' 'sha256-{hash}'", styleSrc);
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/admin/login", true)]
    [InlineData("/admin", true)]
    [InlineData("/css/admin.css", false)]
    [InlineData("/khong-co-trang-nay", true)] // status pages are never cached either
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndAdminIsNeverCached(string path, bool admin)
    {
        using var client = app.ClientFrom(Host);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(SecurityHeaders.ReferrerPolicy, Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
        if (admin)
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path} may be cached");
        }
    }

    [Fact]
    public async Task AdminPages_HaveNoInlineScriptOrStyle()
    {
        using var client = app.ClientFrom(PortalAppFactory.HostOf("Default"));
        await app.SignInAsProvinceAdminAsync(client);
        foreach (var path in new[] { "/admin", "/admin/tenants", "/admin/tenants/create", "/admin/users", "/admin/roles", "/admin/login", "/admin/account/password", "/admin/account/two-factor" })
        {
            var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.DoesNotMatch(InlineScript(), html);
            // The validation summary's hidden placeholder (<li style="display:none">) is the framework's;
            // the CSP ignores the attribute and admin.css hides .validation-summary-valid instead.
            Assert.DoesNotContain(" style=", html.Replace("<li style=\"display:none\"></li>", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(InlineHandler(), html);
        }
    }

    // --- Finding 7: sign-in abuse ----------------------------------------------------------------

    [Fact]
    public async Task SignInRateLimit_IsPerRealClientBehindTheProxy_AndCountsPostsOnly()
    {
        var browser = SecurityAppFactory.NewClientAddress();
        using var flooder = app.ClientBehindProxy(Host, SecurityAppFactory.KnownProxy, browser);
        for (var i = 0; i < 15; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await flooder.GetAsync(new Uri("/admin/login", UriKind.Relative))).StatusCode);
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostLoginAsync(flooder, "khongco" + i, "Sai-Mat-Khau-1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostLoginAsync(flooder, "khongco", "Sai-Mat-Khau-1")).StatusCode);

        // Another editor behind the same proxy is not locked out by the flood.
        using var colleague = app.ClientBehindProxy(Host, SecurityAppFactory.KnownProxy, SecurityAppFactory.NewClientAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(colleague, "admin", PortalAppFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task AfterRepeatedFailures_AnAccountWaits_EvenWithTheRightPassword()
    {
        var (userName, password) = await CreateEditorAsync();
        using var client = app.ClientFrom(Host);
        for (var i = 0; i < SignInBackoff.FreeFailures; i++)
        {
            Assert.Contains(LoginModel.SignInRefused, await (await PostLoginAsync(client, userName, "Sai-Mat-Khau-1" + i)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var waiting = await PostLoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
        Assert.Contains(LoginModel.SignInRefused, await waiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(LoginModel.ThrottledAction), e => e.Subject == userName);

        app.Clock.Advance(SignInBackoff.FirstWait + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(client, userName, password)).StatusCode);
    }

    [Fact]
    public async Task UnknownAndLockedAccounts_GetTheSameAnswer()
    {
        var (locked, password) = await CreateEditorAsync();
        await InSiteAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<UserAccounts>();
            var user = await sp.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(locked);
            Assert.True((await accounts.LockAsync(user!)).Succeeded);
            return 0;
        });

        using var client = app.ClientFrom(Host);
        var lockedAnswer = AlertOf(await (await PostLoginAsync(client, locked, password)).Content.ReadAsStringAsync());
        var unknownAnswer = AlertOf(await (await PostLoginAsync(client, "khongtontai" + Guid.NewGuid().ToString("N")[..6], password)).Content.ReadAsStringAsync());
        var wrongAnswer = AlertOf(await (await PostLoginAsync(client, "admin", "Sai-Mat-Khau-99")).Content.ReadAsStringAsync());

        Assert.Equal(LoginModel.SignInRefused, lockedAnswer);
        Assert.Equal(lockedAnswer, unknownAnswer);
        Assert.Equal(lockedAnswer, wrongAnswer);
        Assert.Contains(await AuditAsync(LoginModel.LockedOutAction), e => e.Subject == locked);
    }

    [Fact]
    public async Task AnOversizedUserNameOrPassword_IsRefusedInVietnamese_AndNeverAudited()
    {
        using var client = app.ClientFrom(Host);
        var huge = new string('a', 300_000);
        var response = await PostLoginAsync(client, huge, "x");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập không được dài quá 256 ký tự.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(huge[..1000], html, StringComparison.Ordinal);

        var longPassword = await PostLoginAsync(client, "admin", new string('M', 600) + "1a");
        Assert.Contains("Mật khẩu không được dài quá 512 ký tự.", await longPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await InSiteAsync(async sp =>
        {
            Assert.False(await sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().AnyAsync(e => e.Subject!.Length > LoginModel.MaxUserNameLength));
            return 0;
        });
    }

    [Fact]
    public async Task ASignInPostedFromAnotherSite_IsRefused()
    {
        using var client = app.ClientFrom(Host);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/login", UriKind.Relative))
        {
            Content = LoginForm("admin", PortalAppFactory.AdminPassword),
        };
        request.Headers.Add("Origin", "https://ke-gian.example");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".portal.auth", StringComparison.Ordinal));
    }

    // --- Finding 2: session lifetime and revocation ----------------------------------------------

    [Fact]
    public async Task AnIdleSession_EndsAfterTheIdleTimeout_AnActiveOneSlides()
    {
        var (userName, password) = await CreateEditorAsync();
        using var client = app.ClientFrom(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(client, userName, password)).StatusCode);

        // Active: a request every 20 minutes keeps it alive past 30 minutes.
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        AssertSentToSignIn(await client.GetAsync(new Uri("/admin", UriKind.Relative)));
    }

    [Fact]
    public async Task ASession_EndsAtTheAbsoluteLimit_HoweverActive()
    {
        var (userName, password) = await CreateEditorAsync();
        using var client = app.ClientFrom(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(client, userName, password)).StatusCode);

        var elapsed = TimeSpan.Zero;
        var step = TimeSpan.FromMinutes(14);
        while (elapsed + step < TimeSpan.FromHours(8))
        {
            app.Clock.Advance(step);
            elapsed += step;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        }

        app.Clock.Advance(step);
        AssertSentToSignIn(await client.GetAsync(new Uri("/admin", UriKind.Relative)));
    }

    [Fact]
    public async Task ARemovedRole_TakesEffectOnTheNextRequest()
    {
        var (userName, password) = await CreateEditorAsync();
        using var client = app.ClientFrom(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(client, userName, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        await InSiteAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
            Assert.True((await sp.GetRequiredService<UserAccounts>().SetRolesAsync(user!, [])).Succeeded);
            return 0;
        });

        AssertSentToSignIn(await client.GetAsync(new Uri("/admin", UriKind.Relative)));
    }

    [Fact]
    public async Task AChangedRolePermission_TakesEffectOnTheNextRequest()
    {
        var role = "Vai trò thử " + Guid.NewGuid().ToString("N")[..6];
        await InSiteAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<PortalRole>>();
            Assert.True((await roles.CreateAsync(new PortalRole(role))).Succeeded);
            await sp.GetRequiredService<RolePermissions>().SetAsync((await roles.FindByNameAsync(role))!, ["AccessAdmin"]);
            return 0;
        });
        var (userName, password) = await CreateEditorAsync(role);
        using var client = app.ClientFrom(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(client, userName, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        await InSiteAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<PortalRole>>();
            Assert.True(await sp.GetRequiredService<RolePermissions>().SetAsync((await roles.FindByNameAsync(role))!, []));
            return 0;
        });

        AssertSentToSignIn(await client.GetAsync(new Uri("/admin", UriKind.Relative)));
    }

    [Fact]
    public async Task ACookieReplayedAfterSignOut_IsRefused()
    {
        var (userName, password) = await CreateEditorAsync();
        using var client = app.ClientFrom(Host);
        var signedIn = await PostLoginAsync(client, userName, password);
        var cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith(".portal.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        Assert.NotEmpty(cookie);

        // Sign out through the header's "Đăng xuất" form, with the token it carries.
        var dashboard = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));
        var header = HeaderSignOutForm().Match(dashboard);
        Assert.True(header.Success, "the header's sign-out form carries an anti-forgery token");
        var signedOut = await client.PostAsync(new Uri("/admin/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(header.Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var thief = app.ClientFrom(Host, handleCookies: false);
        using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        replay.Headers.Add("Cookie", cookie);
        AssertSentToSignIn(await thief.SendAsync(replay));
    }

    // --- Finding 9: admin network allow-list --------------------------------------------------------

    [Fact]
    public async Task AnAdminAllowList_LetsOnlyItsNetworksIntoTheAdmin_AndLeavesThePublicSiteOpen()
    {
        var site = app.Services.GetRequiredService<ITenantDirectory>().FindByName("phuluong")!;
        var host = site.HostNames[0];
        Assert.True((await InPortalAsync(sp => sp.GetRequiredService<TenantProvisioner>().UpdateAdminNetworksAsync(site.Id, ["10.1.0.0/16", "2001:db8::/32"]))).Succeeded);
        try
        {
            using var inside = app.ClientFrom(host, "10.1.2.3");
            Assert.Equal(HttpStatusCode.OK, (await inside.GetAsync(new Uri("/admin/login", UriKind.Relative))).StatusCode);

            using var outside = app.ClientFrom(host, "10.2.0.1");
            var refused = await outside.GetAsync(new Uri("/admin/login", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains(AdminNetworkGate.Refused, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostLoginAsync(outside, "admin", PortalAppFactory.AdminPassword)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await outside.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

            // Behind the known proxy the real client counts, not the proxy.
            using var proxiedInside = app.ClientBehindProxy(host, SecurityAppFactory.KnownProxy, "10.1.9.9");
            Assert.Equal(HttpStatusCode.OK, (await proxiedInside.GetAsync(new Uri("/admin/login", UriKind.Relative))).StatusCode);
            using var proxiedOutside = app.ClientBehindProxy(host, SecurityAppFactory.KnownProxy, "198.51.100.4");
            Assert.Equal(HttpStatusCode.Forbidden, (await proxiedOutside.GetAsync(new Uri("/admin/login", UriKind.Relative))).StatusCode);
        }
        finally
        {
            await InPortalAsync(sp => sp.GetRequiredService<TenantProvisioner>().UpdateAdminNetworksAsync(site.Id, []));
        }
    }

    [Fact]
    public async Task AMalformedAllowList_IsRefusedInVietnamese_Audited_AndChangesNothing()
    {
        var site = app.Services.GetRequiredService<ITenantDirectory>().FindByName("phandinhphung")!;
        var result = await InPortalAsync(sp => sp.GetRequiredService<TenantProvisioner>().UpdateAdminNetworksAsync(site.Id, ["10.0.0.0/33", "mang-noi-bo", "10.1.2.3/8", "10.1", "192.168.1.0/24"]));

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("không phải một dải địa chỉ hợp lệ", e, StringComparison.Ordinal));
        Assert.Empty(app.Services.GetRequiredService<ITenantDirectory>().FindByName("phandinhphung")!.AdminNetworks);
        Assert.Contains(await InPortalAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().Where(e => e.Action == "tenant.admin-networks-refused").ToListAsync()),
            e => e.Subject == "phandinhphung");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    private static string CookieNamed(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private static FormUrlEncodedContent LoginForm(string userName, string password) => new(new Dictionary<string, string>
    {
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
    });

    // The sign-in form needs no anti-forgery cookie (see LoginModel), so the helpers post it directly.
    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password) =>
        client.PostAsync(new Uri("/admin/login", UriKind.Relative), LoginForm(userName, password));

    private static string AlertOf(string html) => WebUtility.HtmlDecode(Alert().Match(html).Groups[1].Value) is { Length: > 0 } text
        ? text
        : throw new Xunit.Sdk.XunitException("no alert on the page");

    private async Task<(string UserName, string Password)> CreateEditorAsync(string role = "Biên tập viên")
    {
        var userName = "bientap" + Guid.NewGuid().ToString("N")[..8];
        const string Password = "Bien-Tap-Vien-2026";
        await InSiteAsync(async sp =>
        {
            var created = await sp.GetRequiredService<IUserAccounts>().CreateUserAsync(userName, null, Password, [role]);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            return 0;
        });
        return (userName, Password);
    }

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        InSiteAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().Where(e => e.Action == action).ToListAsync());

    private Task<T> InSiteAsync<T>(Func<IServiceProvider, Task<T>> work) => InTenantAsync(Site, work);

    private Task<T> InPortalAsync<T>(Func<IServiceProvider, Task<T>> work) => InTenantAsync(TenantDescriptor.DefaultName, work);

    private async Task<T> InTenantAsync<T>(string name, Func<IServiceProvider, Task<T>> work)
    {
        var tenant = app.Services.GetRequiredService<ITenantDirectory>().FindByName(name)!;
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await work(scope.ServiceProvider);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Portal.Orchard.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Portal.Orchard.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"^\s*proxy_set_header\s+(\S+)\s+([^;]+);", RegexOptions.Multiline)]
    private static partial Regex ProxySetHeader();

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex("<div class=\"alert alert-error\" role=\"alert\">([^<]*)</div>")]
    private static partial Regex Alert();

    [GeneratedRegex("<form class=\"admin-user\"[^>]*action=\"/admin/logout\"[^>]*>.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex HeaderSignOutForm();
}
