using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Admin;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Integration.Tests;

/// <summary>What the integration tests do with the app: tenants, scopes, sign-in, forms.</summary>
public static partial class PortalAppTestExtensions
{
    public static TenantDescriptor Portal(this PortalAppFactory app) =>
        app.Services.GetRequiredService<ITenantDirectory>().FindByName(TenantDescriptor.DefaultName)!;

    /// <summary>A tenant by name, as the registry holds it now.</summary>
    public static TenantDescriptor Tenant(this PortalAppFactory app, string name) =>
        app.Services.GetRequiredService<ITenantDirectory>().FindByName(name)!;

    public static async Task<T> InTenantAsync<T>(this PortalAppFactory app, TenantDescriptor tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await work(scope.ServiceProvider);
    }

    /// <summary>A new component site, provisioned from the component-site recipe by the province portal.</summary>
    public static async Task<TenantDescriptor> CreateTenantAsync(this PortalAppFactory app, string displayName, string? urlPrefix = null) =>
        (await app.ProvisionAsync(displayName, urlPrefix)).Tenant!;

    /// <summary>A new component site, with the generated password of its <c>admin</c> account.</summary>
    public static async Task<TenantResult> ProvisionAsync(this PortalAppFactory app, string displayName, string? urlPrefix = null)
    {
        var result = await app.InTenantAsync(app.Portal(), sp => sp.GetRequiredService<TenantProvisioner>()
            .CreateAsync(new CreateTenantRequest(displayName, TenantKind.Department) { UrlPrefix = urlPrefix }, app.Portal()));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result;
    }

    /// <summary>A client signed in on the site as <paramref name="user"/> holding <paramref name="role"/> (the account is created the first time).</summary>
    public static async Task<HttpClient> SignedInWithRoleAsync(this PortalAppFactory app, TenantDescriptor site, string role, string user, string password)
    {
        await app.InTenantAsync(site, async sp =>
        {
            var accounts = sp.GetRequiredService<IUserAccounts>();
            if (await accounts.FindAsync(user) is null)
            {
                var created = await accounts.CreateUserAsync(user, null, password, [role]);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            }

            return 0;
        });
        var client = app.ClientFor(site.HostNames[0]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SignInAsync(user, password)).StatusCode);
        return client;
    }

    /// <summary>Signs in on the client's host; <paramref name="root"/> is the tenant's URL prefix path ("/sotaichinh") if any.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password, string root = "") =>
        await client.PostFormAsync($"{root}/admin/login", $"{root}/admin/login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });

    /// <summary>The signed-in user's own password change (<c>/admin/account/password</c>).</summary>
    public static async Task<HttpResponseMessage> ChangePasswordAsync(this HttpClient client, string current, string newPassword, string root = "") =>
        await client.PostFormAsync($"{root}/admin/account/password", $"{root}/admin/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

    /// <summary>
    /// Enrols the signed-in user in two-factor sign-in as a person with an authenticator app does:
    /// reads the key off the page and sends the app's current code. Returns the key and the step used.
    /// </summary>
    public static async Task<(byte[] Key, long Step)> EnrolTwoFactorAsync(this HttpClient client, DateTimeOffset? now = null, string root = "")
    {
        var page = await client.GetStringAsync(new Uri($"{root}/admin/account/two-factor", UriKind.Relative));
        var key = Totp.FromBase32(SecretKeyPattern().Match(page).Groups[1].Value) ?? throw new InvalidOperationException("no key on the enrolment page");
        var step = Totp.StepAt(now ?? DateTimeOffset.UtcNow);
        var enabled = await client.PostFormAsync($"{root}/admin/account/two-factor", $"{root}/admin/account/two-factor?handler=Enable",
            new Dictionary<string, string> { ["Code"] = Totp.Format(Totp.Compute(key, step)) });
        Assert.Contains("Mã khôi phục", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return (key, step);
    }

    /// <summary>
    /// Signs in as the province portal's <c>admin</c>, whose second factor the portal requires: the
    /// first time it enrols (as a person with an app), later it gives a recovery code made for the call.
    /// </summary>
    public static async Task SignInAsProvinceAdminAsync(this PortalAppFactory app, HttpClient client)
    {
        var signedIn = await client.SignInAsync("admin", PortalAppFactory.AdminPassword);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        if (signedIn.Headers.Location!.OriginalString.StartsWith(AdminRoutes.SignInSecondStep, StringComparison.Ordinal))
        {
            var code = await app.InTenantAsync(app.Portal(), async sp =>
            {
                var users = sp.GetRequiredService<UserManager<PortalUser>>();
                return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByNameAsync("admin"))!, 1))!.Single();
            });
            var second = await client.PostFormAsync(AdminRoutes.SignInSecondStep, AdminRoutes.SignInSecondStep, new Dictionary<string, string> { ["RecoveryCode"] = code });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, second.StatusCode);
        }
        else
        {
            await client.EnrolTwoFactorAsync(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        }
    }

    /// <summary>Opens <paramref name="page"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(html) };
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    public static string AntiforgeryToken(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<code class=\"secret-key\">([A-Z2-7 ]+)</code>")]
    private static partial Regex SecretKeyPattern();
}
