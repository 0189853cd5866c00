using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Integration.Tests;

/// <summary>
/// What the integration tests share: the app of one provider, and short names for the helpers of
/// <see cref="PortalAppTestExtensions"/> (signing in, tenants made for a test).
/// </summary>
public abstract class PortalAppTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    protected TFactory App { get; } = app;

    /// <summary>Signs in on the client's host; <paramref name="root"/> is the tenant's URL prefix path ("/sotaichinh") if any.</summary>
    protected static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string root = "") =>
        client.SignInAsync(userName, password, root);

    /// <summary>The anti-forgery token of the (first) form of a page.</summary>
    protected static string FormToken(string html) => PortalAppTestExtensions.AntiforgeryToken(html);

    protected Task<TenantDescriptor> CreateTenantAsync(string displayName, string? urlPrefix = null) => App.CreateTenantAsync(displayName, urlPrefix);

    /// <summary>A new component site, with the generated password of its <c>admin</c> account.</summary>
    protected Task<TenantResult> ProvisionAsync(string displayName, string? urlPrefix = null) => App.ProvisionAsync(displayName, urlPrefix);

    protected TenantDescriptor Portal() => App.Portal();

    protected Task<T> WithPortalAsync<T>(Func<IServiceProvider, Task<T>> work) => App.InTenantAsync(Portal(), work);

    protected Task<T> InTenantAsync<T>(TenantDescriptor tenant, Func<IServiceProvider, Task<T>> work) => App.InTenantAsync(tenant, work);
}
