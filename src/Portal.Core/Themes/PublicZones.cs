using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Themes;

/// <summary>
/// Named places of the public layout where modules add a piece of the page without the theme
/// knowing them (the visit counter in the footer, the feedback form after an article).
/// </summary>
public static class PublicZones
{
    /// <summary>Inside <c>&lt;head&gt;</c>: links and meta tags (no inline script: the CSP forbids it).</summary>
    public const string Head = "head";

    /// <summary>After the main content of a page, inside <c>&lt;main&gt;</c>.</summary>
    public const string AfterContent = "after-content";

    /// <summary>In the footer.</summary>
    public const string Footer = "footer";
}

/// <summary>
/// A piece of a public page a module renders into a <see cref="PublicZones"/> zone. Register it
/// with <c>services.AddPublicZoneWidget&lt;T&gt;()</c>; the theme's layout renders every widget of a
/// zone in <see cref="Order"/>. Return null to render nothing on this request.
/// </summary>
public interface IPublicZoneWidget
{
    string Zone { get; }

    int Order { get; }

    ValueTask<IHtmlContent?> RenderAsync(HttpContext context);
}

/// <summary>
/// What the public page being rendered shows, set by the page (<c>HttpContext.Features</c>) so that
/// widgets and the layout can use it: the item (null on lists), its title and canonical path.
/// </summary>
public sealed record PublicPageFeature(string? ContentItemId, string? ContentType, string Title, string CanonicalPath);
