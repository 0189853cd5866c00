using Portal.Core.Web;

namespace Portal.Core.Tests;

public sealed class ContentSecurityPolicyBuilderTests
{
    private const string Strict = "default-src 'self'; style-src 'self'";

    [Fact]
    public void AHash_IsAddedOnce_ToItsDirective()
    {
        var hash = "'sha256-" + Convert.ToBase64String(new byte[32]) + "'";
        var policy = new ContentSecurityPolicyBuilder(Strict).AddHash("style-src", hash).AddHash("style-src", hash);

        Assert.True(policy.IsChanged);
        Assert.Equal($"default-src 'self'; style-src 'self' {hash}", policy.ToString());
    }

    [Theory]
    [InlineData("'unsafe-inline'")]
    [InlineData("'sha256-abc'")]
    [InlineData("sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='; script-src *")]
    [InlineData("'sha256-'")]
    public void AnythingButASha256Hash_IsRefused(string source) =>
        Assert.Throws<ArgumentException>(() => new ContentSecurityPolicyBuilder(Strict).AddHash("style-src", source));
}
