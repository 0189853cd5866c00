using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Modules.Users.Services;

namespace Portal.Integration.Tests;

/// <summary>The admin shell through the real app: protection by route, URL prefixes, status pages, Vietnamese messages.</summary>
public abstract partial class AdminKitTests<TFactory>(TFactory app) : PortalAppTests<TFactory>(app)
    where TFactory : PortalAppFactory
{
    [ProviderFact]
    public async Task EveryAdminEndpoint_SendsAnonymousVisitorsToSignIn_AndRefusesUsersWithoutTheAdminRight()
    {
        var site = await CreateTenantAsync("Sở Bảo vệ " + Guid.NewGuid().ToString("N")[..6]);
        const string Password = "Cong-Dan-2026-Kiem";
        Assert.True((await InTenantAsync(site, sp => sp.GetRequiredService<IUserAccounts>().CreateUserAsync("congdan", null, Password, []))).Succeeded);
        using var anonymous = App.ClientFor(site.HostNames[0]);
        using var citizen = App.ClientFor(site.HostNames[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(citizen, "congdan", Password)).StatusCode);

        var targets = AdminEndpoints(App.Services).Where(e => !AdminRoutes.IsOpenRoute(e.RoutePattern.RawText)).ToList();
        Assert.NotEmpty(targets);
        foreach (var endpoint in targets)
        {
            foreach (var (method, path) in RequestsFor(endpoint))
            {
                using var first = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                var response = await anonymous.SendAsync(first);
                if (endpoint.Metadata.GetMetadata<IDisableCookieRedirectMetadata>() is not null && endpoint.Metadata.GetMetadata<IAllowCookieRedirectMetadata>() is null)
                {
                    // An API (JSON) answers 401 rather than a redirect to a page.
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode} for an anonymous visitor");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {response.StatusCode} for an anonymous visitor");
                    Assert.StartsWith("/admin/login", response.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
                }

                using var second = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                var refused = await citizen.SendAsync(second);
                Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {refused.StatusCode} for a user without the admin right");
            }
        }
    }

    [ProviderFact]
    public async Task AdminOfATenantUnderAUrlPrefix_KeepsThePrefixInEveryLinkAndRedirect()
    {
        var prefix = "tp" + Guid.NewGuid().ToString("N")[..8];
        var provisioned = await ProvisionAsync("Sở Tiền tố " + prefix[2..], prefix);
        var site = provisioned.Tenant!;
        var root = "/" + prefix;
        using var client = App.ClientFor(site.HostNames[0]);

        // Without the prefix the host serves nothing: every working link below must carry it.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/admin/login", UriKind.Relative))).StatusCode);

        var challenge = await client.GetAsync(new Uri($"{root}/admin/users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        AssertKeepsPrefix(root, challenge.Headers.Location!, "the sign-in challenge");

        var signedIn = await SignInAsync(client, "admin", provisioned.InitialAdminPassword!, root);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal($"{root}/admin", signedIn.Headers.Location!.OriginalString);

        // A generated password: the owner is sent to change it first, under the prefix too.
        var mustChange = await client.GetAsync(new Uri($"{root}/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, mustChange.StatusCode);
        AssertKeepsPrefix(root, mustChange.Headers.Location!, "the forced password change");
        Assert.Equal(HttpStatusCode.Redirect, (await client.ChangePasswordAsync(provisioned.InitialAdminPassword!, "Doi-Mat-Khau-2026-Moi", root)).StatusCode);

        // Enough users for two pages: the pager's links keep the search and the prefix.
        await InTenantAsync(site, async sp =>
        {
            var accounts = sp.GetRequiredService<IUserAccounts>();
            for (var i = 1; i <= 21; i++)
            {
                Assert.True((await accounts.CreateUserAsync($"nguoidung{i:00}", null, "Nguoi-Dung-2026-Thu", [])).Succeeded);
            }

            return 0;
        });
        var firstPage = await client.GetStringAsync(new Uri($"{root}/admin/users?q=nguoidung", UriKind.Relative));
        Assert.Contains($"href=\"{root}/admin/users?q=nguoidung&amp;p=2\"", firstPage, StringComparison.Ordinal);
        var secondPage = await client.GetStringAsync(new Uri($"{root}/admin/users?q=nguoidung&p=2", UriKind.Relative));
        Assert.Contains("nguoidung21", secondPage, StringComparison.Ordinal);
        Assert.DoesNotContain("nguoidung01", secondPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"{root}/admin/users?q=nguoidung\"", secondPage, StringComparison.Ordinal);

        // Walk every admin page reachable by a link, checking each link and form of each page.
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>([$"{root}/admin"]);
        while (queue.Count > 0 && visited.Count < 40)
        {
            var path = queue.Dequeue();
            if (!visited.Add(path))
            {
                continue;
            }

            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            foreach (var link in LinksOf(html))
            {
                AssertKeepsPrefix(root, new Uri(link, UriKind.RelativeOrAbsolute), $"a link or form on {path}");
            }

            // Follow links only (forms are posted below).
            foreach (var link in HrefsOf(html))
            {
                var target = link.Split('?', '#')[0];
                // Pages only: /api/ endpoints are called by scripts with their own methods.
                if (target.StartsWith(root + "/admin", StringComparison.OrdinalIgnoreCase) && !target.EndsWith("/logout", StringComparison.OrdinalIgnoreCase)
                    && !target.Contains("/api/", StringComparison.OrdinalIgnoreCase))
                {
                    queue.Enqueue(link);
                }
            }
        }

        Assert.Contains($"{root}/admin/users", visited);
        Assert.Contains($"{root}/admin/roles", visited);
        Assert.Contains(visited, v => v.EndsWith("/edit", StringComparison.OrdinalIgnoreCase));

        // Redirects after a post: create a user, then lock it from its page.
        var form = await client.GetStringAsync(new Uri($"{root}/admin/users/create", UriKind.Relative));
        var created = await client.PostAsync(new Uri($"{root}/admin/users/create", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "bientap",
            ["Input.Password"] = "Bien-Tap-2026-Vien",
            ["Input.ConfirmPassword"] = "Bien-Tap-2026-Vien",
            ["__RequestVerificationToken"] = FormToken(form),
        }));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        Assert.Equal($"{root}/admin/users", created.Headers.Location!.OriginalString);
        var list = await client.GetStringAsync(created.Headers.Location);
        Assert.Contains("Đã tạo người dùng bientap.", list, StringComparison.Ordinal);

        var editPath = LinksOf(list).First(l => l.EndsWith("/edit", StringComparison.Ordinal) && list.Contains($"href=\"{l}\">bientap<", StringComparison.Ordinal));
        var edit = await client.GetStringAsync(new Uri(editPath, UriKind.Relative));
        var locked = await client.PostAsync(new Uri($"{editPath}?handler=Lock", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken(edit),
        }));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(editPath, locked.Headers.Location!.OriginalString);
        Assert.Contains("Đã khóa tài khoản bientap.", await client.GetStringAsync(locked.Headers.Location), StringComparison.Ordinal);

        // A missing admin page keeps the prefix in its links too.
        var missing = await client.GetAsync(new Uri($"{root}/admin/khong-co", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.All(LinksOf(await missing.Content.ReadAsStringAsync()), l => AssertKeepsPrefix(root, new Uri(l, UriKind.RelativeOrAbsolute), "a link on the 404 page"));

        var signedOut = await client.PostAsync(new Uri($"{root}/admin/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken(await client.GetStringAsync(new Uri($"{root}/admin/logout", UriKind.Relative))),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal($"{root}/admin/login", signedOut.Headers.Location!.OriginalString);
    }

    [ProviderFact]
    public async Task MissingPage_Gets404InTheSiteLayout_WithAWayHome()
    {
        using var client = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        var response = await client.GetAsync(new Uri("/khong-co-trang-nay", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Không tìm thấy trang</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Về trang chủ</a>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task OverLongUrl_Gets414Page()
    {
        using var client = App.ClientFor(PortalAppFactory.HostOf("sotaichinh"));
        var response = await client.GetAsync(new Uri("/?q=" + new string('a', 3000), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Contains("<h1>Địa chỉ quá dài</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính", html, StringComparison.Ordinal);
        Assert.Contains("Về trang chủ", html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task TooManySignInAttempts_Get429Page_InTheAdminLayout()
    {
        var site = await CreateTenantAsync("Sở Giới hạn " + Guid.NewGuid().ToString("N")[..6]);
        using var client = App.ClientFor(site.HostNames[0]);
        HttpResponseMessage response;
        var attempts = 0;
        // Opening the form is free; submissions are limited (10 a minute per site and client).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/login", UriKind.Relative))).StatusCode);
        do
        {
            // Only submissions count: each attempt opens the form, then posts a wrong password.
            response = await SignInAsync(client, "khongco" + attempts, "Sai-Mat-Khau-2026");
            attempts++;
        }
        while (response.StatusCode == HttpStatusCode.OK && attempts < 50);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(11, attempts);
        Assert.Contains("<h1>Quá nhiều yêu cầu</h1>", html, StringComparison.Ordinal);
        Assert.Contains("admin-header", html, StringComparison.Ordinal);
        Assert.Contains(site.DisplayName, html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task InvalidForm_ShowsVietnameseMessages_ForEmptyAndUnknownEnumValues()
    {
        using var client = App.ClientFor(PortalAppFactory.HostOf("Default"));
        await App.SignInAsProvinceAdminAsync(client);
        foreach (var kind in new[] { "", "KhongCo" })
        {
            var form = await client.GetStringAsync(new Uri("/admin/tenants/create", UriKind.Relative));
            var response = await client.PostAsync(new Uri("/admin/tenants/create", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "",
                ["Input.Kind"] = kind,
                ["Input.Recipe"] = "component-site",
                ["__RequestVerificationToken"] = FormToken(form),
            }));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Vui lòng nhập tên đơn vị.", html, StringComparison.Ordinal);
            Assert.Contains(kind == "" ? "Vui lòng nhập hoặc chọn một giá trị." : "Giá trị &#x27;KhongCo&#x27; không hợp lệ cho Loại.", html, StringComparison.Ordinal);
            foreach (var english in new[] { "field is required", "is not valid", "is invalid", "The value" })
            {
                Assert.DoesNotContain(english, html, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Every endpoint of the real app whose route is under /admin, whichever module mapped it.</summary>
    public static IReadOnlyList<RouteEndpoint> AdminEndpoints(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(e => AdminRoutes.IsAdminRoute(e.RoutePattern.RawText))];

    /// <summary>A request per method the endpoint answers (GET for a page), with a value for each route parameter that its constraint accepts.</summary>
    private static IEnumerable<(HttpMethod Method, string Path)> RequestsFor(RouteEndpoint endpoint)
    {
        var path = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.Trim('/'), p => SampleValue(p.Value));
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
        return methods.Select(m => (new HttpMethod(m), path));
    }

    private static string SampleValue(string parameter) =>
        parameter.Contains(":guid", StringComparison.OrdinalIgnoreCase) ? Guid.Empty.ToString()
        : parameter.Contains(":int", StringComparison.OrdinalIgnoreCase) || parameter.Contains(":long", StringComparison.OrdinalIgnoreCase)
          || parameter.Contains(":decimal", StringComparison.OrdinalIgnoreCase) || parameter.Contains(":double", StringComparison.OrdinalIgnoreCase) ? "1"
        : parameter.Contains(":bool", StringComparison.OrdinalIgnoreCase) ? "true"
        : "x";

    private static void AssertKeepsPrefix(string root, Uri link, string what)
    {
        var path = link.IsAbsoluteUri ? link.AbsolutePath : link.OriginalString;
        // Static assets are served on any host before tenant resolution; fragments and other sites are not pages of this tenant.
        if (!path.StartsWith('/') || path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/_content/", StringComparison.Ordinal))
        {
            return;
        }

        Assert.True(path.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase) || path == root, $"{what} loses the prefix: {link}");
    }

    private static IEnumerable<string> LinksOf(string html) =>
        LinkPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));

    private static IEnumerable<string> HrefsOf(string html) =>
        HrefPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));

    [GeneratedRegex("(?:href|action|formaction|data-[a-z-]*url)=\"([^\"]*)\"")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<a [^>]*href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

public sealed class SqliteAdminKitTests(SqliteAppFactory app) : AdminKitTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresAdminKitTests(PostgresAppFactory app) : AdminKitTests<PostgresAppFactory>(app);

/// <summary>One look at every endpoint of every module: the admin is protected by route, whatever folder a page sits in.</summary>
public sealed class AdminEndpointProtectionTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public void EveryAdminEndpoint_ExceptSignInSignOutAndAccessDenied_RequiresTheAdminRight()
    {
        var endpoints = SqliteAdminKitTests.AdminEndpoints(app.Services);
        var open = endpoints.Where(e => AdminRoutes.IsOpenRoute(e.RoutePattern.RawText)).Select(e => "/" + e.RoutePattern.RawText!.Trim('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(new HashSet<string>([AdminRoutes.SignIn, AdminRoutes.SignInSecondStep, AdminRoutes.SignOut, AdminRoutes.AccessDenied], StringComparer.OrdinalIgnoreCase), open);

        var unprotected = endpoints.Where(e => !AdminRoutes.IsOpenRoute(e.RoutePattern.RawText) && !AdminEndpointConventions.RequiresAdminAccess(e))
            .Select(e => e.DisplayName)
            .ToList();
        Assert.True(unprotected.Count == 0, "admin endpoints without the admin right: " + string.Join(", ", unprotected));

        // The enumeration really covers every module's pages and the host's own.
        foreach (var route in new[] { "admin", "admin/users", "admin/roles", "admin/tenants", "admin/tenants/create" })
        {
            Assert.Contains(endpoints, e => string.Equals(e.RoutePattern.RawText?.Trim('/'), route, StringComparison.OrdinalIgnoreCase));
        }
    }
}
