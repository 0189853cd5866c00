using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Text;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Site.Services;

/// <summary>
/// Gives an item with a <see cref="RoutePart"/> but no path one made from its title:
/// <c>&lt;prefix of its type&gt;/&lt;slug of the title&gt;</c> (<c>tin-tuc/hoi-nghi-tong-ket-nam-2025</c>),
/// unique in the tenant (<c>-2</c>, <c>-3</c>... when taken by another item, and never a path of
/// the site's own pages such as <c>tin-tuc</c>). A path the editor typed is kept as typed.
/// </summary>
internal sealed class RoutePathGenerator(PortalDbContext db) : IContentHandler
{
    /// <summary>The folder of each type's pages (CONTRACT of issue 8); a static page sits at the root.</summary>
    public static readonly IReadOnlyDictionary<string, string> Prefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Article"] = "tin-tuc",
        ["Announcement"] = "thong-bao",
        ["Page"] = "",
        ["Leader"] = "lanh-dao",
        ["WorkSchedule"] = "lich-lam-viec",
        ["Album"] = "thu-vien-anh",
        ["Video"] = "video",
    };

    /// <summary>First segments that belong to the site's own pages and routes: a static page may not take them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "media", "health", "error", "css", "js", "lib", "_content", "openapi",
        "tin-tuc", "chuyen-muc", "thong-bao", "lanh-dao", "lich-lam-viec", "danh-ba", "lien-ket",
        "thu-vien-anh", "video", "ban-in", "don-vi", "tim-kiem", "rss", "sitemap-xml", "robots-txt", "phan-hoi",
    };

    public Task CreatingAsync(ContentContext context, CancellationToken cancellationToken) => EnsurePathAsync(context, cancellationToken);

    public Task UpdatingAsync(ContentContext context, CancellationToken cancellationToken) => EnsurePathAsync(context, cancellationToken);

    private async Task EnsurePathAsync(ContentContext context, CancellationToken cancellationToken)
    {
        var item = context.ContentItem;
        var route = item.As<RoutePart>() ?? new RoutePart();
        if (RoutePart.Normalize(route.Path).Length > 0)
        {
            return;
        }

        var title = item.As<TitlePart>()?.Title is { Length: > 0 } t ? t : item.DisplayText;
        var slug = VietnameseText.Slugify(title ?? "");
        if (slug.Length == 0)
        {
            slug = item.ContentItemId.ToLowerInvariant(); // a title of punctuation only
        }

        var prefix = Prefixes.TryGetValue(item.ContentType, out var known) ? known : VietnameseText.Slugify(item.ContentType);
        route.Path = await UniqueAsync(prefix, slug, item.ContentItemId, cancellationToken).ConfigureAwait(false);
        item.Apply(route);
    }

    private async Task<string> UniqueAsync(string prefix, string slug, string contentItemId, CancellationToken cancellationToken)
    {
        var start = prefix.Length == 0 ? slug : $"{prefix}/{slug}";
        // Every path another item of the tenant holds (latest or published) that this one could clash with.
        var taken = await db.Set<RouteIndex>().AsNoTracking()
            .Where(r => r.ContentItemId != contentItemId && (r.Path == start || r.Path.StartsWith(start + "-")))
            .Select(r => r.Path)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var set = taken.ToHashSet(StringComparer.Ordinal);
        return Candidates(prefix, slug).First(path => !set.Contains(path));
    }

    /// <summary><c>slug</c>, <c>slug-2</c>, <c>slug-3</c>...; a static page never gets a reserved first segment.</summary>
    internal static IEnumerable<string> Candidates(string prefix, string slug)
    {
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? slug : $"{slug}-{n}";
            if (prefix.Length == 0 && Reserved.Contains(candidate))
            {
                continue;
            }

            yield return prefix.Length == 0 ? candidate : $"{prefix}/{candidate}";
        }
    }
}
