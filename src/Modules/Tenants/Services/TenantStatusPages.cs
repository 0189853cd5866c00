using Portal.Core.Text;
using System.Text;
using Microsoft.AspNetCore.Http;
using Portal.Core.Web;

namespace Portal.Modules.Tenants.Services;

/// <summary>
/// The Vietnamese pages a request gets when no running tenant can serve it: written here,
/// without a site's layout, since there is no site (the status pages of a site are
/// <see cref="StatusPages"/>).
/// </summary>
public static class TenantStatusPages
{
    private static readonly byte[] NotFound = Page(
        StatusPageText.For(StatusCodes.Status404NotFound).Title,
        "Không tìm thấy trang thông tin điện tử nào ứng với địa chỉ này. Vui lòng kiểm tra lại địa chỉ.");

    private static readonly byte[] BadRequest = Page(
        StatusPageText.For(StatusCodes.Status400BadRequest).Title,
        "Tên miền trong yêu cầu không hợp lệ.");

    public static Task WriteAsync(HttpContext context, int statusCode, string? tenantDisplayName = null)
    {
        var body = statusCode switch
        {
            StatusCodes.Status404NotFound => NotFound,
            StatusCodes.Status400BadRequest => BadRequest,
            _ => Page(
                "Tạm ngừng hoạt động",
                $"{tenantDisplayName ?? "Trang thông tin điện tử"} đang tạm ngừng hoạt động. Vui lòng quay lại sau."),
        };
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    private static byte[] Page(string title, string message) => Encoding.UTF8.GetBytes(
        $"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{VietnameseHtml.Encode(title)}</title>
        <link rel="stylesheet" href="/_content/Portal.Modules.Tenants/status.css">
        </head><body><h1>{VietnameseHtml.Encode(title)}</h1><p>{VietnameseHtml.Encode(message)}</p></body></html>
        """);
}
