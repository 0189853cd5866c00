using System.Text;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Core.Text;

namespace Portal.Web.Hosting;

/// <summary>
/// After tenant resolution: a tenant's <c>/admin</c> (sign-in included) answers 403 to a client
/// outside the tenant's admin networks (<see cref="AdminNetworks"/>; the real client address,
/// after forwarded headers). Public pages are never affected; an empty list leaves the admin open.
/// </summary>
public static class AdminNetworkGate
{
    public const string Refused = "Trang quản trị của đơn vị này chỉ truy cập được từ các mạng đã được cho phép. Địa chỉ của bạn không nằm trong danh sách đó; vui lòng liên hệ quản trị viên.";

    private static readonly byte[] Page = Encoding.UTF8.GetBytes(
        $"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Không được phép truy cập</title><link rel="stylesheet" href="/css/admin.css"></head>
        <body class="admin"><main class="admin-main"><h1>Không được phép truy cập</h1><p>{VietnameseHtml.Encode(Refused)}</p></main></body></html>
        """);

    public static IApplicationBuilder UseAdminNetworkGate(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            if (context.RequestServices.GetService<ICurrentTenant>()?.Tenant is { AdminNetworks.Count: > 0 } tenant
                && context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
                && !AdminNetworks.Allows(tenant, context.Connection.RemoteIpAddress))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = Page.Length;
                return context.Response.Body.WriteAsync(Page).AsTask();
            }

            return next(context);
        });
}
