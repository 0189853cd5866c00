using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portal.Core.Web;

/// <summary>The Vietnamese title and explanation of each HTTP status the product answers with.</summary>
public sealed record StatusPageText(int StatusCode, string Title, string Message)
{
    private static readonly Dictionary<int, StatusPageText> Known = new StatusPageText[]
    {
        new(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ",
            "Máy chủ không hiểu yêu cầu này. Nếu bạn vừa gửi một biểu mẫu, hãy tải lại trang rồi gửi lại."),
        new(StatusCodes.Status403Forbidden, "Không có quyền truy cập",
            "Tài khoản của bạn không có quyền xem trang này. Hãy liên hệ quản trị viên nếu bạn cần được cấp quyền."),
        new(StatusCodes.Status404NotFound, "Không tìm thấy trang",
            "Trang bạn tìm không có hoặc đã được chuyển đi. Vui lòng kiểm tra lại địa chỉ."),
        new(StatusCodes.Status405MethodNotAllowed, "Thao tác không được hỗ trợ",
            "Trang này không nhận kiểu yêu cầu vừa gửi. Hãy quay lại và dùng các nút, liên kết trên trang."),
        new(StatusCodes.Status413PayloadTooLarge, "Dữ liệu gửi lên quá lớn",
            "Nội dung hoặc tệp bạn gửi vượt quá dung lượng cho phép. Hãy giảm kích thước rồi gửi lại."),
        new(StatusCodes.Status414UriTooLong, "Địa chỉ quá dài",
            "Địa chỉ trang quá dài nên không thể xử lý. Hãy rút ngắn nội dung tìm kiếm hoặc mở lại từ trang chủ."),
        new(StatusCodes.Status429TooManyRequests, "Quá nhiều yêu cầu",
            "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại."),
        new(StatusCodes.Status500InternalServerError, "Đã xảy ra lỗi",
            "Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau ít phút."),
        new(StatusCodes.Status503ServiceUnavailable, "Tạm ngừng phục vụ",
            "Trang đang tạm ngừng phục vụ. Vui lòng quay lại sau."),
    }.ToDictionary(t => t.StatusCode);

    public static IReadOnlyCollection<int> StatusCodesWithPages => Known.Keys;

    /// <summary>The text of a status; another 4xx reads as a bad request, another 5xx as an error.</summary>
    public static StatusPageText For(int statusCode) =>
        Known.TryGetValue(statusCode, out var text) ? text
        : statusCode is >= 400 and < 500 ? Known[StatusCodes.Status400BadRequest] with { StatusCode = statusCode }
        : Known[StatusCodes.Status500InternalServerError] with { StatusCode = statusCode };
}

public static class StatusPages
{
    /// <summary>The page that renders <see cref="StatusPageText"/> in the tenant's layout: <c>/error/{status}</c>.</summary>
    public const string Path = "/error";

    /// <summary>
    /// Longer addresses (path and query) answer 414. Kestrel refuses request lines over 8 KB itself,
    /// with an empty body; this limit below it gives the visitor a page. 2,048 is the length
    /// browsers, proxies and search engines all handle.
    /// </summary>
    public const int MaxUrlLength = 2048;

    /// <summary>
    /// Gives every error status a Vietnamese page: an exception (500, or the status of a bad
    /// request such as 413), and any status set without a body (404 of routing or the module gate,
    /// 403, 405, 429 of the rate limiter, 414 of <see cref="MaxUrlLength"/>). Put it right after
    /// tenant resolution: the pages render in the tenant's layout, or the admin layout under /admin.
    /// </summary>
    public static IApplicationBuilder UsePortalStatusPages(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = Path,
                // Kestrel reports a too large body (413) and the like as exceptions: keep their status.
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
        }

        app.UseStatusCodePagesWithReExecute(Path + "/{0}");
        app.Use((context, next) =>
        {
            var request = context.Request;
            if ((request.PathBase.Value ?? "").Length + (request.Path.Value ?? "").Length + (request.QueryString.Value ?? "").Length > MaxUrlLength)
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The status a status page is rendered for: the re-executed one, the exception's, or the one asked for.</summary>
    public static int StatusCodeOf(HttpContext context, int? requested)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            // A form over the body limit fails its antiforgery check (400): say what really went wrong.
            return reExecuted.OriginalStatusCode == StatusCodes.Status400BadRequest && IsBodyTooLarge(context)
                ? StatusCodes.Status413PayloadTooLarge
                : reExecuted.OriginalStatusCode;
        }

        if (context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return context.Response.StatusCode is >= 400 ? context.Response.StatusCode : StatusCodes.Status500InternalServerError;
        }

        return requested is { } code && StatusPageText.StatusCodesWithPages.Contains(code) ? code : StatusCodes.Status404NotFound;
    }

    private static bool IsBodyTooLarge(HttpContext context) =>
        context.Request.ContentLength is { } length &&
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit &&
        length > limit;
}
