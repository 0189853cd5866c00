using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Tests;

public sealed class ConcurrentEditTests
{
    [Fact]
    public async Task SavingOverAVersionSavedSince_IsRefusedWithWhatChanged()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var opened = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: false);
        var startedFrom = opened.ContentItemVersionId;

        // Two editors opened version 1; the first saves.
        var first = opened.Copy();
        first.Apply(new TitlePart { Title = "Giới thiệu Sở Tài chính" });
        await host.RunAsync(tenant, contents => contents.SaveDraftAsync(first, startedFrom));

        var second = opened.Copy();
        second.Apply(new TitlePart { Title = "Giới thiệu chung" });
        var error = await Assert.ThrowsAsync<ContentConcurrencyException>(() =>
            host.RunAsync(tenant, contents => contents.SaveDraftAsync(second, startedFrom)));

        Assert.Equal((2, ContentsTestHost.Editor), (error.Current.Number, error.Current.Author));
        Assert.Equal([2], error.SavedSince.Select(v => v.Number));
        var change = Assert.Single(error.Changes);
        Assert.Equal(("TitlePart.Title", "Giới thiệu", "Giới thiệu Sở Tài chính"), (change.Path, change.OldText, change.NewText));
        Assert.Contains("phiên bản 2", error.UserMessage, StringComparison.Ordinal);
        Assert.Equal(2, host.Rows<ContentItem>(tenant).Count);

        // Starting again from the version now latest is accepted.
        await host.RunAsync(tenant, contents => contents.SaveDraftAsync(second, error.Current.ContentItemVersionId));
        Assert.Equal(3, host.Rows<ContentItem>(tenant).Count);
    }

    [Fact]
    public async Task UpdateWithPublish_OverAStaleVersion_PublishesNothing()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        await host.RunAsync(tenant, contents => contents.SaveDraftAsync(v1.Copy(), v1.ContentItemVersionId));

        await Assert.ThrowsAsync<ContentConcurrencyException>(() =>
            host.RunAsync(tenant, contents => contents.UpdateAsync(v1.Copy(), publish: true, v1.ContentItemVersionId)));

        var published = Assert.Single(host.Rows<ContentItem>(tenant), r => r.Published);
        Assert.Equal(1, published.Number);
    }
}
