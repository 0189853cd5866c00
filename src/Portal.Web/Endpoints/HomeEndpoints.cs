using Portal.Core.Text;
using System.Runtime.CompilerServices;
using System.Text;
using Portal.Core.Tenancy;

namespace Portal.Web.Endpoints;

/// <summary>
/// Each tenant's home until the public theme exists: the unit's name and kind. The bytes are
/// built once per tenant settings version (a changed tenant is a new descriptor), so the hot
/// path is a dictionary lookup and one write.
/// </summary>
public static class HomeEndpoints
{
    private static readonly ConditionalWeakTable<TenantDescriptor, byte[]> Pages = new();

    public static IEndpointRouteBuilder MapHomeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", WriteHomeAsync).WithName("Home").ExcludeFromDescription();
        return endpoints;
    }

    private static Task WriteHomeAsync(HttpContext context, ICurrentTenant currentTenant)
    {
        var tenant = currentTenant.Tenant!;
        var page = Pages.GetValue(tenant, Render);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = page.Length;
        return context.Response.Body.WriteAsync(page).AsTask();
    }

    private static byte[] Render(TenantDescriptor tenant)
    {
        var name = VietnameseHtml.Encode(tenant.DisplayName);
        var kind = VietnameseHtml.Encode(tenant.Kind.ToVietnamese());
        var root = tenant.UrlPrefix is { Length: > 0 } prefix ? "/" + prefix : "";
        return Encoding.UTF8.GetBytes(
            $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{name}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><header class="site-header"><p class="site-kind">{kind}</p><h1>{name}</h1></header>
            <main><p>Trang thông tin điện tử của {name} đang được xây dựng.</p>
            <p><a href="{root}/admin">Đăng nhập trang quản trị</a></p></main></body></html>
            """);
    }
}
