using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Abstractions;
using Portal.Modules.Taxonomies.Abstractions;

namespace Portal.Modules.Site.Services;

/// <summary>Reads a published item for its page: fields, its first category (breadcrumbs) and its related items.</summary>
public sealed class ItemViewBuilder(IPublicContentQuery query, ITaxonomyService taxonomies)
{
    public const int RelatedCount = 5;

    public async Task<ItemView> BuildAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var categories = item.Field<TaxonomyField>(SiteFields.Categories)?.Terms ?? [];
        TaxonomyTermInfo? category = null;
        IReadOnlyList<TaxonomyTermInfo> ancestors = [];
        foreach (var term in categories.Where(t => !string.IsNullOrEmpty(t.Id)))
        {
            if (await taxonomies.FindByIdAsync(term.Id!, cancellationToken) is { } found)
            {
                category = found;
                var all = await taxonomies.GetTermsAsync(found.Taxonomy, cancellationToken);
                ancestors = Pages.CategoryModel.AncestorsOf(all, found);
                break;
            }
        }

        var related = await RelatedAsync(item, category, cancellationToken);
        var image = SiteFields.ImageOf(item);
        return new ItemView(
            item,
            SiteFields.PathOf(item) ?? "",
            item.As<TitlePart>()?.Title is { Length: > 0 } title ? title : item.DisplayText,
            SiteFields.SummaryOf(item),
            item.As<BodyPart>()?.Html,
            image,
            item.Field<TextField>("ImageCaption")?.Text,
            item.Field<TextField>("Source")?.Text,
            ItemView.ReadMediaList(item, "Attachments"),
            [.. (item.Field<TaxonomyField>(SiteFields.Tags)?.Terms ?? []).Where(t => !string.IsNullOrWhiteSpace(t.Name))],
            category,
            ancestors,
            related);
    }

    /// <summary>The items the editor picked (<c>Related</c>), else the latest of the same category and type.</summary>
    private async Task<IReadOnlyList<PublicItemSummary>> RelatedAsync(ContentItem item, TaxonomyTermInfo? category, CancellationToken cancellationToken)
    {
        var picked = item.Field<ContentPickerField>("Related")?.ContentItemIds ?? [];
        if (picked.Count > 0)
        {
            var summaries = await query.GetSummariesAsync(picked, cancellationToken);
            if (summaries.Count > 0)
            {
                return summaries;
            }
        }

        if (category is null)
        {
            return [];
        }

        var latest = await query.LatestAsync(new PublicListQuery(item.ContentType, category.Id, PageSize: RelatedCount + 1), cancellationToken);
        return [.. latest.Where(s => s.ContentItemId != item.ContentItemId).Take(RelatedCount)];
    }
}
