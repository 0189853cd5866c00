using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Portal.Core.Admin;

/// <summary>
/// The query string of an admin list: search text, page number and the list's own filters.
/// Bind it with <c>[BindProperty(SupportsGet = true, Name = "")]</c> (no prefix, so the
/// address reads <c>?q=tai+chinh&amp;kind=Department&amp;p=2</c>); the pager rebuilds its links
/// from <see cref="ToRouteValues"/>, so every filter survives a change of page. A derived
/// query adds its filters as <c>[FromQuery(Name = "...")]</c> properties and lists them in
/// <see cref="AddFilters"/>.
/// </summary>
public class ListQuery
{
    public const string SearchKey = "q";

    // "page" is a reserved route value in Razor Pages, hence "p".
    public const string PageKey = "p";

    /// <summary>Longer search texts are cut, so nobody searches with a megabyte.</summary>
    public const int MaxSearchLength = 100;

    [FromQuery(Name = SearchKey)]
    public string? Search { get; set; }

    [FromQuery(Name = PageKey)]
    public int Page { get; set; } = 1;

    /// <summary>The search text trimmed and cut to <see cref="MaxSearchLength"/>; null when empty.</summary>
    public string? SearchText =>
        Search?.Trim() is { Length: > 0 } text ? (text.Length > MaxSearchLength ? text[..MaxSearchLength] : text) : null;

    /// <summary>The route values of this list at another page, with every filter set.</summary>
    public RouteValueDictionary ToRouteValues(int page)
    {
        var values = new RouteValueDictionary();
        if (SearchText is { } search)
        {
            values[SearchKey] = search;
        }

        AddFilters(values);
        if (page > 1)
        {
            values[PageKey] = page;
        }

        return values;
    }

    /// <summary>Adds the derived list's filters (only those set) to the route values.</summary>
    protected virtual void AddFilters(RouteValueDictionary values)
    {
    }
}
