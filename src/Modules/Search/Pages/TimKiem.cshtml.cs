using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Text;
using Portal.Core.Themes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Search.Services;

namespace Portal.Modules.Search.Pages;

/// <summary>
/// <c>/tim-kiem?q=&amp;page=&amp;loai=</c>: the search form (GET, so it works without JavaScript and
/// sets no cookie), then the current site's ranked results with highlighted snippets and a pager.
/// Anything a visitor sends is answered: no query shows the form, a malformed or very long one is
/// read safely (<see cref="SearchText.QueryTokens"/>), a page that is not a number is the first, one
/// past the end the last.
/// </summary>
[EnableRateLimiting(SearchModule.RateLimitPolicy)]
public sealed class SearchPageModel(ISearchService search, IContentDefinitionStore definitions) : PageModel
{
    public const string Route = "/tim-kiem";

    /// <summary>The query as typed (cut to the length that is read), for the form.</summary>
    public string Query { get; private set; } = "";

    /// <summary>The chosen type (<c>loai</c>), when it is one of the site's types with pages.</summary>
    public string? ContentType { get; private set; }

    /// <summary>The site's types whose items have pages: name and Vietnamese name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Types { get; private set; } = [];

    public SearchResults? Results { get; private set; }

    /// <summary>True when a query was given but held no word to search for (only signs).</summary>
    public bool NoWords { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var q = Request.Query["q"].ToString();
        Query = q.Length > SearchText.MaxQueryLength ? q[..SearchText.MaxQueryLength] : q;
        var types = (await definitions.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(t => t.HasPart(nameof(RoutePart)))
            .OrderBy(t => t.DisplayName, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true))
            .Select(t => KeyValuePair.Create(t.Name, t.DisplayName))
            .ToList();
        Types = types;
        var loai = Request.Query["loai"].ToString();
        ContentType = types.Exists(t => t.Key == loai) ? loai : null;
        ViewData["Title"] = string.IsNullOrWhiteSpace(Query) ? "Tìm kiếm" : $"Tìm kiếm: {Query.Trim()}";
        HttpContext.Features.Set(new PublicPageFeature(null, null, "Tìm kiếm", Route));
        if (string.IsNullOrWhiteSpace(Query))
        {
            return;
        }

        var page = int.TryParse(Request.Query["page"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        Results = await search.SearchAsync(new SearchQuery(Query, page, ContentType), cancellationToken).ConfigureAwait(false);
        NoWords = Results.Tokens.Count == 0;
    }

    /// <summary>The Vietnamese name of a type.</summary>
    public string TypeName(string type) => Types.FirstOrDefault(t => t.Key == type).Value ?? type;

    /// <summary>The address of result page <paramref name="page"/> of this search, under the site's path base.</summary>
    public string PageUrl(int page)
    {
        var url = $"{Request.PathBase}{Route}?q={Uri.EscapeDataString(Query.Trim())}";
        if (ContentType is not null)
        {
            url += "&loai=" + Uri.EscapeDataString(ContentType);
        }

        return page > 1 ? url + "&page=" + page.ToString(CultureInfo.InvariantCulture) : url;
    }

    /// <summary>An item's public address under the site's path base.</summary>
    public string ItemUrl(SearchHit hit) => $"{Request.PathBase}/{hit.Path}";

    /// <summary>The publication date as <c>yyyy-MM-dd</c> in Vietnam's time (for <c>&lt;time datetime&gt;</c>).</summary>
    public static string IsoDate(DateTimeOffset utc) => VietnamTime.From(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The publication date, dd/MM/yyyy in Vietnam's time.</summary>
    public static string Date(DateTimeOffset utc) => VietnamTime.From(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
