using Portal.Modules.Site.Services;
using Portal.Modules.Taxonomies.Abstractions;

namespace Portal.Modules.Site.Tests;

public sealed class RoutesAndWeeksTests
{
    [Fact]
    public void CandidatePaths_AreTheSlugThenNumberedOnes_UnderTheTypesFolder()
    {
        Assert.Equal(["tin-tuc/hoi-nghi", "tin-tuc/hoi-nghi-2", "tin-tuc/hoi-nghi-3"], RoutePathGenerator.Candidates("tin-tuc", "hoi-nghi").Take(3));
        Assert.Equal("thong-bao", RoutePathGenerator.Prefixes["Announcement"]);
        Assert.Equal("", RoutePathGenerator.Prefixes["Page"]);
    }

    [Fact]
    public void AStaticPage_NeverTakesAPathOfTheSitesOwnPages()
    {
        Assert.Equal("tin-tuc-2", RoutePathGenerator.Candidates("", "tin-tuc").First());
        Assert.Equal("gioi-thieu", RoutePathGenerator.Candidates("", "gioi-thieu").First());
        Assert.Equal("admin-2", RoutePathGenerator.Candidates("", "admin").First());
    }

    [Theory]
    [InlineData("2026-W49", 2026, 11, 30)]
    [InlineData("2026-w01", 2025, 12, 29)]
    [InlineData("2026-W53", 2026, 12, 28)]
    [InlineData("2020-W53", 2020, 12, 28)]
    public void AnIsoWeek_IsItsMonday(string week, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), WeekParam.Parse(week));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-W54")]
    [InlineData("2025-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026W49")]
    [InlineData("2026-49")]
    [InlineData("abcd-W01")]
    [InlineData("2026-W+1")]
    [InlineData("0001-W01")]
    public void AMalformedWeek_IsRefused(string? week) => Assert.Null(WeekParam.Parse(week));

    [Fact]
    public void AWeek_IsWrittenForAnyOfItsDays_AndItsMondayFound()
    {
        Assert.Equal("2026-W49", WeekParam.Format(new DateOnly(2026, 12, 6)));
        Assert.Equal("2026-W01", WeekParam.Format(new DateOnly(2025, 12, 29)));
        Assert.Equal(new DateOnly(2026, 11, 30), WeekParam.MondayOf(new DateOnly(2026, 12, 6)));
        Assert.Equal(new DateOnly(2026, 11, 30), WeekParam.MondayOf(new DateOnly(2026, 11, 30)));
        Assert.Equal("Tuần 49 năm 2026", WeekParam.Describe(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void ACategorysDescendants_AreFoundAtAnyDepth()
    {
        TaxonomyTermInfo T(string id, string? parent) => new(id, "chuyen-muc", id, id, parent, 0, 0, null);
        var terms = new[] { T("a", null), T("b", "a"), T("c", "b"), T("d", null), T("e", "a") };
        Assert.Equal(["b", "e", "c"], PublicContentQuery.Descendants(terms, "a"));
        Assert.Empty(PublicContentQuery.Descendants(terms, "d"));
    }
}
