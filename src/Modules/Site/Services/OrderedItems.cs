using Microsoft.EntityFrameworkCore;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Site.Services;

/// <summary>
/// The short lists a site keeps in a set order (leaders, directory, links): published items of a
/// type, sorted by their <c>Order</c> field then title, at most <see cref="Limit"/>.
/// </summary>
public sealed class OrderedItems(IContentManager contents)
{
    public const int Limit = 500;

    public async Task<IReadOnlyList<ContentItem>> ListAsync(string contentType, CancellationToken cancellationToken = default)
    {
        var items = await contents.QueryPublished(contentType)
            .OrderBy(i => i.Id)
            .Take(Limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. items.OrderBy(OrderOf).ThenBy(i => i.DisplayText, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))];
    }

    public static decimal OrderOf(ContentItem item) => item.Field<NumberField>("Order")?.Value ?? decimal.MaxValue;

    public static string? Text(ContentItem item, string field) =>
        item.Field<TextField>(field)?.Text is { Length: > 0 } text ? text.Trim() : null;

    /// <summary>Items grouped by their <c>Group</c> field, groups in the order of their first item.</summary>
    public static IReadOnlyList<IGrouping<string, ContentItem>> ByGroup(IReadOnlyList<ContentItem> items, string fallback) =>
        [.. items.GroupBy(i => Text(i, "Group") ?? fallback)];
}
