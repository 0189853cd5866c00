using System.Text.Json.Nodes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Models;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Tests;

public sealed class PublicIndexProviderTests
{
    private static readonly DateTimeOffset Published = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public void APublishedArticle_GivesOneRow_WithItsSummaryPictureFlagAndPath()
    {
        var item = Article(published: true)
            .ApplyField("Summary", new TextField { Text = "  Sapo của bài.  " })
            .ApplyField("Image", new MediaField { Path = "/media/a.jpg", Alt = "Ảnh" })
            .ApplyField("Featured", new BooleanField { Value = true })
            .Apply(new RoutePart { Path = "/tin-tuc/bai-viet/" });

        var row = Assert.Single(new PublicItemIndexProvider().MapItem(new ContentIndexContext(item.ContentItemId, item, item, item)));

        Assert.Equal("Article", row.ContentType);
        Assert.Equal("Bài viết", row.Title);
        Assert.Equal("tin-tuc/bai-viet", row.Path);
        Assert.Equal("Sapo của bài.", row.Summary);
        Assert.Equal("/media/a.jpg", row.ImagePath);
        Assert.Equal("Ảnh", row.ImageAlt);
        Assert.True(row.Featured);
        Assert.Equal(Published, row.PublishedUtc);
        Assert.True(row.Published);
        Assert.Equal(item.ContentItemVersionId, row.ContentItemVersionId);
    }

    [Fact]
    public void ADraft_GivesNoRow_ButTheItemsPublishedVersionStillDoes()
    {
        var published = Article(published: true);
        var draft = Article(published: false);
        draft.ContentItemId = published.ContentItemId;
        draft.DisplayText = "Bản nháp";

        Assert.Empty(new PublicItemIndexProvider().MapItem(new ContentIndexContext(draft.ContentItemId, draft, null, draft)));
        var row = Assert.Single(new PublicItemIndexProvider().MapItem(new ContentIndexContext(draft.ContentItemId, draft, published, draft)));
        Assert.Equal("Bài viết", row.Title);
    }

    [Fact]
    public void APictureIsTheFirstOfImagePhotoCoverPoster_AndAnItemWithoutPathHasNone()
    {
        var leader = Article(published: true).ApplyField("Photo", new MediaField { Path = "/media/chan-dung.jpg" });
        var row = Assert.Single(new PublicItemIndexProvider().Map(leader));
        Assert.Equal("/media/chan-dung.jpg", row.ImagePath);
        Assert.Null(row.Path);
        Assert.False(row.Featured);
    }

    [Fact]
    public void TermRows_AreTheDistinctTermsOfEveryTaxonomyField_OfThePublishedVersionOnly()
    {
        var item = Article(published: true)
            .ApplyField("Categories", new TaxonomyField { Terms = [new() { Id = "a", Name = "A" }, new() { Id = "b", Name = "B" }, new() { Id = "a", Name = "A" }] })
            .ApplyField("Tags", new TaxonomyField { Terms = [new() { Id = "t", Name = "Thẻ" }, new() { Name = "không có id" }] });
        item.Data["SomePart"] = new JsonObject { ["Topics"] = new JsonObject { ["Terms"] = new JsonArray(new JsonObject { ["Id"] = "p" }) } };

        var rows = new PublicTermIndexProvider().Map(item).ToList();

        Assert.Equal(["a", "b", "t", "p"], rows.Select(r => r.TermId));
        Assert.All(rows, r => Assert.Equal(Published, r.PublishedUtc));
        Assert.Empty(new PublicTermIndexProvider().Map(Article(published: false).ApplyField("Categories", new TaxonomyField { Terms = [new() { Id = "a" }] })));
    }

    [Fact]
    public void LongTextIsCutToItsColumn()
    {
        var item = Article(published: true).ApplyField("Summary", new TextField { Text = new string('x', PublicItemIndex.SummaryMaxLength + 50) });
        Assert.Equal(PublicItemIndex.SummaryMaxLength, Assert.Single(new PublicItemIndexProvider().Map(item)).Summary!.Length);
    }

    private static ContentItem Article(bool published) => new()
    {
        ContentItemId = ContentItem.NewId(),
        ContentItemVersionId = ContentItem.NewId(),
        ContentType = "Article",
        DisplayText = "Bài viết",
        Latest = true,
        Published = published,
        PublishedUtc = published ? Published : null,
        ModifiedUtc = Published,
    };
}
