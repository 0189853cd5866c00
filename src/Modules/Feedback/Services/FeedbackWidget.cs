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
        var page = context.Features.Get<PublicPageFeature>();
        if (page?.ContentItemId is null || FeedbackInput.NormalizePath(PagePath(page.CanonicalPath, context.Request.PathBase)) is not { } path)
        {
            return ValueTask.FromResult<IHtmlContent?>(null);
        }

        var root = VietnameseHtml.Encode(context.Request.PathBase.Value ?? "");
        var html = $"""
            <section class="feedback" aria-labelledby="feedback-title">
            <link rel="stylesheet" href="/_content/Portal.Modules.Feedback/feedback.css">
            <form method="post" action="{root}/phan-hoi" class="feedback-form" data-feedback>
            <input type="hidden" name="{FeedbackInput.PathField}" value="{VietnameseHtml.Encode(path)}">
            <h2 id="feedback-title" class="feedback-title">{Question}</h2>
            <p class="feedback-comment"><label for="feedback-comment">{CommentLabel}</label>
            <textarea id="feedback-comment" name="{FeedbackInput.CommentField}" maxlength="500" rows="3"></textarea></p>
            <p class="feedback-actions"><button type="submit" name="{FeedbackInput.RatingField}" value="{FeedbackInput.Yes}" aria-describedby="feedback-title">Có</button>
            <button type="submit" name="{FeedbackInput.RatingField}" value="{FeedbackInput.No}" aria-describedby="feedback-title">Không</button></p>
            <p class="feedback-status" role="status" aria-live="polite"></p>
            </form>
            <script src="/_content/Portal.Modules.Feedback/feedback.js" defer></script>
            </section>
            """;
        return ValueTask.FromResult<IHtmlContent?>(new HtmlString(html));
    }

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
