using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Modules.Site.Services;

namespace Portal.Modules.Site.Pages;

/// <summary>
/// Base of the public pages: anonymous GETs that set no cookie (no antiforgery token, no
/// TempData), so the page cache may keep them; the layout reads <see cref="PageMeta"/>.
/// </summary>
[IgnoreAntiforgeryToken]
public abstract class PublicPageModel : PageModel
{
    /// <summary>Items per list page.</summary>
    public const int ListPageSize = 12;

    /// <summary>Describes the page to the layout (title, OpenGraph, canonical path).</summary>
    protected void SetMeta(PageMeta meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ViewData["Title"] = meta.Title;
        ViewData[PageMeta.Key] = meta;
    }

    /// <summary>
    /// The <c>page</c> query value: none is 1; a value that is not a whole number from 1 up is refused
    /// (the page answers 404). A number past the last page shows the last page (the query clamps it).
    /// </summary>
    protected static bool TryReadPage(string? value, out int page)
    {
        page = 1;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1;
    }
}
