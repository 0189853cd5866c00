using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Core.Admin;

/// <summary>
/// The one convention for telling an editor what happened: a handler adds a success or an
/// error to TempData and redirects (<c>TempData.AddSuccess("Đã lưu ...")</c>); the admin
/// layout shows them once, on the next page, through <see cref="StatusMessagesTagHelper"/>.
/// Validation errors of a form stay in ModelState and show beside the form.
/// </summary>
public static class StatusMessages
{
    public const string SuccessKey = "Portal.Status.Success";
    public const string ErrorKey = "Portal.Status.Error";

    public static void AddSuccess(this ITempDataDictionary tempData, string message) => Append(tempData, SuccessKey, message);

    public static void AddError(this ITempDataDictionary tempData, string message) => Append(tempData, ErrorKey, message);

    public static void AddErrors(this ITempDataDictionary tempData, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            tempData.AddError(message);
        }
    }

    /// <summary>The messages of one kind, removed from TempData (shown once).</summary>
    public static IReadOnlyList<string> Take(this ITempDataDictionary tempData, string key) =>
        tempData[key] switch
        {
            string[] many => many,
            string one => [one],
            _ => [],
        };

    private static void Append(ITempDataDictionary tempData, string key, string message) =>
        tempData[key] = tempData.Peek(key) is string[] existing ? [.. existing, message] : new[] { message };
}

/// <summary>Renders the pending status messages: <c>&lt;status-messages /&gt;</c> (in the admin layout).</summary>
[HtmlTargetElement("status-messages", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusMessagesTagHelper(ITempDataDictionaryFactory tempDataFactory, HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var tempData = tempDataFactory.GetTempData(ViewContext.HttpContext);
        output.TagName = null;
        foreach (var message in tempData.Take(StatusMessages.SuccessKey))
        {
            output.Content.AppendHtml($"<div class=\"alert alert-success\" role=\"status\">{encoder.Encode(message)}</div>");
        }

        if (tempData.Take(StatusMessages.ErrorKey) is { Count: > 0 } errors)
        {
            output.Content.AppendHtml("<div class=\"alert alert-error\" role=\"alert\"><ul>");
            foreach (var error in errors)
            {
                output.Content.AppendHtml($"<li>{encoder.Encode(error)}</li>");
            }

            output.Content.AppendHtml("</ul></div>");
        }
    }
}
