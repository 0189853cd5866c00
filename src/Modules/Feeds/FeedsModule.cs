using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Portal.Core.Modules;
using Portal.Modules.Feeds.Endpoints;

namespace Portal.Modules.Feeds;

/// <summary>
/// Nguồn tin RSS, sơ đồ trang và API công khai: machine-readable views of every site's published
/// content. Always enabled: the regulations want every site to offer them.
/// </summary>
public sealed class FeedsModule : PortalModule
{
    /// <summary>The OpenAPI document's name: served at <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    public override string Name => "Feeds";

    public override string DisplayName => "Nguồn tin RSS, sơ đồ trang và API công khai";

    public override bool IsAlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            // Only the public API: admin pages, admin APIs and internal endpoints are never described.
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith(PublicApiEndpoints.Prefix.TrimStart('/') + "/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "API dữ liệu công khai",
                    Version = DocumentName,
                    Description = "Nội dung đã xuất bản của trang thông tin điện tử (tin bài, thông báo, trang, lãnh đạo, lịch làm việc...), chỉ đọc, " +
                                  "để các hệ thống thông tin của cơ quan nhà nước khai thác, sử dụng lại (Thông tư 22/2023/TT-BTTTT). " +
                                  "Mỗi trang thành phần có API riêng tại địa chỉ của trang đó.",
                };
                return Task.CompletedTask;
            });
        });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFeeds();
        endpoints.MapPublicApi();
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().ExcludeFromDescription();
    }
}
