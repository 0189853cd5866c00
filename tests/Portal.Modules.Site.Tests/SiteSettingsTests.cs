using Portal.Core.Settings;
using Portal.Modules.Site.Models;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Tests;

public sealed class SiteSettingsTests
{
    [Fact]
    public void AddressesMustBeWebOrSitePaths_AndBlanksAreFine()
    {
        Assert.Empty(SettingsValidation.Validate(new SiteSettings()));
        Assert.Empty(SettingsValidation.Validate(new SiteSettings { FacebookUrl = "https://facebook.com/x", LogoPath = "/media/logo.png", Email = "vp@thainguyen.gov.vn", EmcSiteId = "tn-1" }));
        var errors = SettingsValidation.Validate(new SiteSettings { FacebookUrl = "javascript:alert(1)", LogoPath = "//evil.example/x.png", Email = "không phải", EmcSiteId = "a b" });
        Assert.Equal(["EmcSiteId"], errors.Select(e => e.Member)); // attribute errors first; the cross checks run when they pass
        errors = SettingsValidation.Validate(new SiteSettings { FacebookUrl = "javascript:alert(1)", LogoPath = "//evil.example/x.png", Email = "không phải" });
        Assert.Equal(["FacebookUrl", "LogoPath", "Email"], errors.Select(e => e.Member));
    }

    [Fact]
    public void HomeCategories_AreTheListedSlugsInOrder()
    {
        Assert.Equal(["a", "b"], new SiteSettings { HomeCategorySlugs = " a, b ,, a " }.HomeCategories());
        Assert.Empty(new SiteSettings().HomeCategories());
    }

    [Fact]
    public void TheEmcAddresses_CarryTheEscapedSiteId_OnlyWhenThereIsOne()
    {
        Assert.Null(SiteChrome.EmcUrls(new SiteSettings(), new SiteOptions()));
        var urls = SiteChrome.EmcUrls(new SiteSettings { EmcSiteId = "tn-1" }, new SiteOptions { EmcScriptUrl = "https://emc.example/s.js?id={0}", EmcLabelUrl = "https://emc.example/{0}" });
        Assert.Equal(("https://emc.example/s.js?id=tn-1", "https://emc.example/tn-1"), urls);
    }
}
