using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Tests;

public sealed class TenantResolverTests
{
    private static readonly TenantDescriptor Portal = Tenant("Default", ["thainguyen.localhost", "www.thainguyen.localhost"]);
    private static readonly TenantDescriptor Finance = Tenant("sotaichinh", ["sotaichinh.thainguyen.localhost"]);
    private static readonly TenantDescriptor Justice = Tenant("sotuphap", ["thainguyen.localhost"], prefix: "sotuphap");
    private static readonly TenantDescriptor Wildcard = Tenant("catchall", ["*.thainguyen.localhost"]);
    private static readonly TenantDescriptor PrefixOnly = Tenant("lienket", [], prefix: "lienket");
    private static readonly TenantDescriptor Disabled = Tenant("phuluong", ["phuluong.thainguyen.localhost"], state: TenantState.Disabled);

    private readonly TenantResolver _resolver = new([Portal, Finance, Justice, Wildcard, PrefixOnly, Disabled]);

    [Fact]
    public void ExactHost_ResolvesItsTenant()
    {
        Assert.Same(Finance, _resolver.Resolve("sotaichinh.thainguyen.localhost", "/").GetValueOrDefault().Tenant);
        Assert.Same(Portal, _resolver.Resolve("www.thainguyen.localhost", "/tin-tuc").GetValueOrDefault().Tenant);
    }

    [Fact]
    public void ExactHost_IgnoresCaseAndTrailingDot() =>
        Assert.Same(Finance, _resolver.Resolve("SoTaiChinh.ThaiNguyen.Localhost.", "/").GetValueOrDefault().Tenant);

    [Fact]
    public void ExactHostWithPrefix_WinsOverSameHostWithoutPrefix()
    {
        var match = _resolver.Resolve("thainguyen.localhost", "/sotuphap/gioi-thieu");
        Assert.Same(Justice, match!.Value.Tenant);
        Assert.Equal("sotuphap", match.Value.Prefix);
        Assert.Same(Portal, _resolver.Resolve("thainguyen.localhost", "/sotuphapx").GetValueOrDefault().Tenant);
    }

    [Fact]
    public void UnknownSubdomain_FallsToWildcard() =>
        Assert.Same(Wildcard, _resolver.Resolve("moi.thainguyen.localhost", "/").GetValueOrDefault().Tenant);

    [Fact]
    public void Wildcard_MatchesDeeperSubdomainsByNearestParent() =>
        Assert.Same(Wildcard, _resolver.Resolve("a.b.thainguyen.localhost", "/").GetValueOrDefault().Tenant);

    [Fact]
    public void PrefixOnlyTenant_ResolvesOnAnyOtherHost()
    {
        var match = _resolver.Resolve("127.0.0.1", "/lienket/trang");
        Assert.Same(PrefixOnly, match!.Value.Tenant);
        Assert.Equal("lienket", match.Value.Prefix);
    }

    [Theory]
    [InlineData("example.com", "/")]
    [InlineData("thainguyen.localhost.evil.com", "/")]
    [InlineData("127.0.0.1", "/khac")]
    [InlineData("", "/")]
    public void UnknownHost_IsNotResolved(string host, string path) => Assert.Null(_resolver.Resolve(host, path));

    [Fact]
    public void DisabledTenant_IsStillResolved_SoTheCallerCanAnswer503()
    {
        var match = _resolver.Resolve("phuluong.thainguyen.localhost", "/");
        Assert.Same(Disabled, match!.Value.Tenant);
        Assert.False(match.Value.Tenant.IsRunning);
    }

    [Theory]
    [InlineData("sotaichinh.thainguyen.localhost:5080", "sotaichinh.thainguyen.localhost")]
    [InlineData("localhost", "localhost")]
    [InlineData("[::1]:5080", "[::1]")]
    public void HostWithoutPort_StripsThePort(string value, string expected) =>
        Assert.Equal(expected, TenantResolutionMiddleware.HostWithoutPort(value).ToString());

    [Theory]
    [InlineData("sotaichinh.thainguyen.localhost", true)]
    [InlineData("[::1]", true)]
    [InlineData("bad host", false)]
    [InlineData("bad/host", false)]
    [InlineData("<script>", false)]
    [InlineData("", false)]
    public void IsWellFormed_AcceptsOnlyDnsNamesAndIpLiterals(string host, bool expected) =>
        Assert.Equal(expected, TenantResolutionMiddleware.IsWellFormed(host));

    private static TenantDescriptor Tenant(string name, string[] hosts, string? prefix = null, TenantState state = TenantState.Running) => new()
    {
        Id = TenantIds.New(),
        Name = name,
        DisplayName = name,
        HostNames = hosts,
        UrlPrefix = prefix,
        State = state,
    };
}
