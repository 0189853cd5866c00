using System.Text.Json.Nodes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Models;

namespace Portal.Modules.Site.Services;

/// <summary>The field names the public sites read (CONTRACT of issue 8: the recipes' content types use them).</summary>
public static class SiteFields
{
    public const string Summary = "Summary";
    public const string Featured = "Featured";
    public const string Categories = "Categories";
    public const string Tags = "Tags";

    /// <summary>The item's picture, first found: news image, leader's photo, album cover, video poster.</summary>
    public static readonly IReadOnlyList<string> Images = ["Image", "Photo", "Cover", "Poster"];

    public static string? SummaryOf(ContentItem item) => Clean(item.Field<TextField>(Summary)?.Text);

    public static bool IsFeatured(ContentItem item) => item.Field<BooleanField>(Featured)?.Value == true;

    public static MediaField? ImageOf(ContentItem item) =>
        Images.Select(name => item.Field<MediaField>(name)).FirstOrDefault(f => !string.IsNullOrWhiteSpace(f?.Path));

    public static string? PathOf(ContentItem item) => RoutePart.Normalize(item.As<RoutePart>()?.Path) is { Length: > 0 } path ? path : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Maps the published version of an item to its <see cref="PublicItemIndex"/> row.</summary>
public sealed class PublicItemIndexProvider : ContentIndexProvider<PublicItemIndex>
{
    public override IEnumerable<PublicItemIndex> Map(ContentItem version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!version.Published)
        {
            yield break;
        }

        var image = SiteFields.ImageOf(version);
        yield return new PublicItemIndex
        {
            ContentType = version.ContentType,
            Title = IndexText.Cut(version.DisplayText, PublicItemIndex.TitleMaxLength) ?? "",
            Path = IndexText.Cut(SiteFields.PathOf(version), RouteIndex.PathMaxLength),
            Summary = IndexText.Cut(SiteFields.SummaryOf(version), PublicItemIndex.SummaryMaxLength),
            ImagePath = IndexText.Cut(image?.Path?.Trim(), PublicItemIndex.MediaPathMaxLength),
            ImageAlt = IndexText.Cut(image?.Alt?.Trim(), PublicItemIndex.AltMaxLength),
            Featured = SiteFields.IsFeatured(version),
            Culture = version.Culture,
            PublishedUtc = version.PublishedUtc ?? version.ModifiedUtc,
            ModifiedUtc = version.ModifiedUtc,
        };
    }
}

/// <summary>
/// Maps the published version of an item to one <see cref="PublicTermIndex"/> row per distinct
/// term of its Taxonomy fields (values shaped <c>{"Terms":[{"Id":...}]}</c>, on the type or inside a part).
/// </summary>
public sealed class PublicTermIndexProvider : ContentIndexProvider<PublicTermIndex>
{
    public override IEnumerable<PublicTermIndex> Map(ContentItem version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!version.Published)
        {
            return [];
        }

        var published = version.PublishedUtc ?? version.ModifiedUtc;
        return TermIds(version.Data)
            .Select(id => new PublicTermIndex { TermId = id, ContentType = version.ContentType, PublishedUtc = published })
            .ToList();
    }

    /// <summary>Distinct term ids of every Taxonomy-shaped value at the top of the body or one level inside a part.</summary>
    public static IReadOnlyList<string> TermIds(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ids = new List<string>();
        foreach (var (_, value) in data)
        {
            if (value is not JsonObject member)
            {
                continue;
            }

            Collect(member, ids);
            foreach (var (_, inner) in member)
            {
                if (inner is JsonObject field)
                {
                    Collect(field, ids);
                }
            }
        }

        return ids;
    }

    private static void Collect(JsonObject field, List<string> ids)
    {
        if (field["Terms"] is not JsonArray terms)
        {
            return;
        }

        foreach (var term in terms)
        {
            if (term is JsonObject t && t["Id"] is JsonValue v && v.TryGetValue<string>(out var id)
                && !string.IsNullOrWhiteSpace(id) && id.Length <= PublicTermIndex.TermIdMaxLength && !ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }
    }
}

/// <summary>Index columns have lengths; text is cut to them, never between the halves of a surrogate pair.</summary>
internal static class IndexText
{
    public static string? Cut(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
