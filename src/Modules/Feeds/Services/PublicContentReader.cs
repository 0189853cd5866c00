using Portal.Core;
using Portal.Modules.Site.Abstractions;

namespace Portal.Modules.Feeds.Services;

/// <summary>Reads the current tenant's published items in pages, for the feeds and the sitemap.</summary>
internal static class PublicContentReader
{
    /// <summary>The content type of news (Tin bài), the one feeds list.</summary>
    public const string NewsType = "Article";

    /// <summary>Every published item (newest first), at most <paramref name="limit"/>, read a page at a time.</summary>
    public static async IAsyncEnumerable<PublicItemSummary> AllAsync(
        this IPublicContentQuery query, int limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int PageSize = 100; // the most IPublicContentQuery gives in one page
        var count = 0;
        for (var page = 1; ; page++)
        {
            var result = await query.ListAsync(new PublicListQuery(Page: page, PageSize: PageSize), cancellationToken).ConfigureAwait(false);
            // A page past the end shows the last one again: stop on the last page.
            if (result.Page != page)
            {
                yield break;
            }

            foreach (var item in result.Items)
            {
                if (++count > limit)
                {
                    yield break;
                }

                yield return item;
            }

            if (!result.HasNext)
            {
                yield break;
            }
        }
    }

    /// <summary>The newest published news, of a category (and its sub-categories) when <paramref name="termId"/> is given.</summary>
    public static Task<IReadOnlyList<PublicItemSummary>> LatestNewsAsync(this IPublicContentQuery query, string? termId, int count, CancellationToken cancellationToken) =>
        query.LatestAsync(new PublicListQuery(ContentType: NewsType, TermId: termId, PageSize: count), cancellationToken);
}
