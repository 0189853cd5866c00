using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Portal.Core.Text;
using Portal.Core.Themes;

namespace Portal.Modules.Feedback.Services;

/// <summary>
/// The "was this useful?" form after the content of an item page (the page sets
/// <see cref="PublicPageFeature"/> with its item). A plain HTML form that works without
/// JavaScript; <c>feedback.js</c> posts it with fetch and shows the thanks in place. No
/// antiforgery token: the page stays the same for every reader, so it can be cached.
/// </summary>
public sealed class FeedbackWidget : IPublicZoneWidget
{
    public const string Question = "Thông tin này có hữu ích với bạn không?";
    public const string CommentLabel = "Góp ý thêm (không bắt buộc, tối đa 500 ký tự)";

    public string Zone => PublicZones.AfterContent;

    public int Order => 100;

    public ValueTask<IHtmlContent?> RenderAsync(HttpContext context)
    {
        if (PathOf(context) is not { } path)
        {
            return ValueTask.FromResult<IHtmlContent?>(null);
        }

        var root = VietnameseHtml.Encode(context.Request.PathBase.Value ?? "");
        var html = $"""
            <section class="feedback" aria-labelledby="feedback-title">
            <form method="post" action="{root}/phan-hoi" class="feedback-form" data-feedback>
            <input type="hidden" name="{FeedbackInput.PathField}" value="{VietnameseHtml.Encode(path)}">
            <h2 id="feedback-title" class="feedback-title">{Question}</h2>
            <p class="feedback-comment"><label for="feedback-comment">{CommentLabel}</label>
            <textarea id="feedback-comment" name="{FeedbackInput.CommentField}" maxlength="500" rows="3"></textarea></p>
            <p class="feedback-actions"><button type="submit" name="{FeedbackInput.RatingField}" value="{FeedbackInput.Yes}" aria-describedby="feedback-title">Có</button>
            <button type="submit" name="{FeedbackInput.RatingField}" value="{FeedbackInput.No}" aria-describedby="feedback-title">Không</button></p>
            <p class="feedback-status" role="status" aria-live="polite"></p>
            </form>
            </section>
            """;
        return ValueTask.FromResult<IHtmlContent?>(new HtmlString(html));
    }

    /// <summary>The normalised path of the item page being rendered, or null when it is not an item page.</summary>
    internal static string? PathOf(HttpContext context) =>
        context.Features.Get<PublicPageFeature>() is { ContentItemId: not null } page
            ? FeedbackInput.NormalizePath(PagePath(page.CanonicalPath, context.Request.PathBase))
            : null;

    /// <summary>The page's path without scheme, host or the tenant's path base.</summary>
    internal static string PagePath(string canonical, PathString pathBase)
    {
        var path = Uri.TryCreate(canonical, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath : canonical;
        if (pathBase.HasValue && path.StartsWith(pathBase.Value + "/", StringComparison.OrdinalIgnoreCase))
        {
            path = path[pathBase.Value!.Length..];
        }

        return path;
    }
}

/// <summary>
/// The form's script in <c>&lt;head&gt;</c> of the pages that show it (the layout renders the head
/// after the page, so the page's <see cref="PublicPageFeature"/> is known). Its stylesheet is
/// inlined with the theme's (<see cref="FeedbackModule"/>).
/// </summary>
public sealed class FeedbackHeadWidget : IPublicZoneWidget
{
    public const string Stylesheet = "/_content/Portal.Modules.Feedback/feedback.css";

    private static readonly HtmlString Assets = new("<script src=\"/_content/Portal.Modules.Feedback/feedback.js\" defer></script>");

    public string Zone => PublicZones.Head;

    public int Order => 100;

    public ValueTask<IHtmlContent?> RenderAsync(HttpContext context) =>
        ValueTask.FromResult<IHtmlContent?>(FeedbackWidget.PathOf(context) is null ? null : Assets);
}
