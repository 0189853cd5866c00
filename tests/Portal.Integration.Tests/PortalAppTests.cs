using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Integration.Tests;

/// <summary>What the integration tests share: the app of one provider, signing in, tenants made for a test.</summary>
public abstract partial class PortalAppTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    protected TFactory App { get; } = app;

    /// <summary>Signs in on the client's host; <paramref name="root"/> is the tenant's URL prefix path ("/sotaichinh") if any.</summary>
    protected static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string root = "")
    {
        var login = new Uri($"{root}/admin/login", UriKind.Relative);
        var token = FormToken(await client.GetStringAsync(login));
        return await client.PostAsync(login, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The anti-forgery token of the (first) form of a page.</summary>
    protected static string FormToken(string html) => TokenPattern().Match(html).Groups[1].Value;

    protected async Task<TenantDescriptor> CreateTenantAsync(string displayName, string? urlPrefix = null) =>
        (await ProvisionAsync(displayName, urlPrefix)).Tenant!;

    /// <summary>A new component site, with the generated password of its <c>admin</c> account.</summary>
    protected async Task<TenantResult> ProvisionAsync(string displayName, string? urlPrefix = null)
    {
        var result = await WithPortalAsync(sp => sp.GetRequiredService<TenantProvisioner>()
            .CreateAsync(new CreateTenantRequest(displayName, TenantKind.Department) { UrlPrefix = urlPrefix }, Portal()));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result;
    }

    protected TenantDescriptor Portal() =>
        App.Services.GetRequiredService<ITenantDirectory>().FindByName(TenantDescriptor.DefaultName)!;

    protected Task<T> WithPortalAsync<T>(Func<IServiceProvider, Task<T>> work) => InTenantAsync(Portal(), work);

    protected async Task<T> InTenantAsync<T>(TenantDescriptor tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await work(scope.ServiceProvider);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
