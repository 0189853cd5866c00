using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Core.Admin;

/// <summary>
/// The admin pager: <c>&lt;pager result="Model.Sites" query="Model.Query" item-name="trang" /&gt;</c>.
/// Links go to the current page through routing (the tenant's URL prefix kept) with the
/// query's filters; nothing is rendered for a single page.
/// </summary>
[HtmlTargetElement("pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper(IUrlHelperFactory urlHelperFactory, HtmlEncoder encoder) : TagHelper
{
    public required IPagedResult Result { get; set; }

    public required ListQuery Query { get; set; }

    /// <summary>What the list counts, in Vietnamese ("người dùng", "trang").</summary>
    public string ItemName { get; set; } = "mục";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Result.PageCount <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var url = urlHelperFactory.GetUrlHelper(ViewContext);
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "pager");
        output.Attributes.SetAttribute("aria-label", "Phân trang");
        if (Result.HasPrevious)
        {
            output.Content.AppendHtml(Link(url.Page(null, Query.ToRouteValues(Result.Page - 1)), "Trang trước", "prev"));
        }

        output.Content.AppendHtml($"<span>Trang {Result.Page}/{Result.PageCount} ({Result.TotalCount} {encoder.Encode(ItemName)})</span>");
        if (Result.HasNext)
        {
            output.Content.AppendHtml(Link(url.Page(null, Query.ToRouteValues(Result.Page + 1)), "Trang sau", "next"));
        }
    }

    private string Link(string? href, string text, string rel) =>
        $"<a class=\"btn\" rel=\"{rel}\" href=\"{encoder.Encode(href ?? "")}\">{encoder.Encode(text)}</a>";
}
