using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

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

    /// <summary>Signs in on the client's host; <paramref name="root"/> is the tenant's URL prefix path ("/sotaichinh") if any.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password, string root = "") =>
        await client.PostFormAsync($"{root}/admin/login", $"{root}/admin/login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });

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
}
