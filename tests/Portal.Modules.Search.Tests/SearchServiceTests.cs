using System.Text.Json.Nodes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Search.Services;

namespace Portal.Modules.Search.Tests;

public sealed class SearchServiceTests
{
    [Fact]
    public void MatchExpression_PrefixesEveryWordWithTheTenant_AndQuotesIt() =>
        Assert.Equal(
            "\"0123abcdtai 0123abcdchinh\" OR (\"0123abcdtai\" AND \"0123abcdchinh\")",
            SearchService.MatchExpression("0123abcd", ["tai", "chinh"]));

    [Fact]
    public void MatchExpression_OfOneWord_IsThatWord() =>
        Assert.Equal("\"tnear\"", SearchService.MatchExpression("t", ["near"]));

    [Fact]
    public void Map_TakesTitleSummaryBodyAndPath_AndFoldsThem()
    {
        var item = new ContentItem
        {
            TenantId = "t1",
            ContentItemId = "i1",
            ContentItemVersionId = "v3",
            Number = 3,
            ContentType = "Article",
            DisplayText = "ignored",
            PublishedUtc = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero),
            Data = new JsonObject
            {
                ["TitlePart"] = new JsonObject { ["Title"] = "Phường Phan Đình Phùng" },
                ["Summary"] = new JsonObject { ["Text"] = "Tài chính  công" },
                ["BodyPart"] = new JsonObject { ["Html"] = "<p>Đường <em>Đội Cấn</em></p>" },
                ["RoutePart"] = new JsonObject { ["Path"] = "/tin-tuc/phan-dinh-phung/" },
            },
        };

        var document = SearchIndexer.Map(item)!;

        Assert.Equal(("t1", "i1", "v3", 3, "Article"), (document.TenantId, document.ContentItemId, document.ContentItemVersionId, document.VersionNumber, document.ContentType));
        Assert.Equal(("Phường Phan Đình Phùng", "Tài chính công", "Đường Đội Cấn", "tin-tuc/phan-dinh-phung"), (document.Title, document.Summary, document.Body, document.Path));
        Assert.Equal(("phuong phan dinh phung", "tai chinh cong", "duong doi can"), (document.FoldedTitle, document.FoldedSummary, document.FoldedBody));
        Assert.Equal(item.PublishedUtc, document.PublishedUtc);
    }

    [Fact]
    public void Map_OfAnItemWithoutAPath_IsNull() =>
        Assert.Null(SearchIndexer.Map(new ContentItem { ContentType = "Contact", DisplayText = "Văn phòng", Data = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "Văn phòng" } } }));
}
