using Microsoft.Extensions.Configuration;
using Portal.Core.Tenancy;
using Portal.Web.Hosting;

namespace Portal.Integration.Tests;

/// <summary>The address printed for a site, by the server at start and by the command line.</summary>
public sealed class SiteUrlsTests
{
    private static readonly TenantDescriptor Portal = new() { Id = "p", Name = TenantDescriptor.DefaultName, DisplayName = "Cổng", HostNames = ["thainguyen.localhost", "www.thainguyen.localhost"] };
    private static readonly TenantDescriptor Finance = new() { Id = "f", Name = "sotaichinh", DisplayName = "Sở Tài chính", HostNames = ["*.sotaichinh.thainguyen.localhost", "sotaichinh.thainguyen.localhost"] };
    private static readonly TenantDescriptor Prefixed = new() { Id = "t", Name = "sotuphap", DisplayName = "Sở Tư pháp", UrlPrefix = "sotuphap" };

    [Theory]
    [InlineData("http://localhost:5080", "http://sotaichinh.thainguyen.localhost:5080")]
    [InlineData("http://*:5080;https://*:5443", "http://sotaichinh.thainguyen.localhost:5080")]
    [InlineData("http://+:80", "http://sotaichinh.thainguyen.localhost")]
    [InlineData("https://[::]:443", "https://sotaichinh.thainguyen.localhost")]
    [InlineData(null, "http://sotaichinh.thainguyen.localhost:5000")]
    public void ASite_IsAtItsFirstRealHost_WithTheSchemeAndPortTheServerListensOn(string? listen, string expected) =>
        Assert.Equal(expected, SiteUrls.FromListenAddress(listen).For(Finance, Portal));

    [Fact]
    public void ASiteWithOnlyAPrefix_IsUnderTheProvincePortalsHost() =>
        Assert.Equal("http://thainguyen.localhost:5080/sotuphap", SiteUrls.FromListenAddress("http://127.0.0.1:5080").For(Prefixed, Portal));

    [Theory]
    [InlineData("urls", "http://localhost:5080", 5080)]
    [InlineData("http_ports", "8080", 8080)]
    public void TheCommandLine_TakesThePortFromTheConfiguredUrls(string key, string value, int port)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        Assert.Equal(new SiteUrls("http", port), SiteUrls.FromConfiguration(configuration));
    }
}
