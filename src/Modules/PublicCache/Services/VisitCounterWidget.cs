using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Core.Themes;
using Portal.Modules.PublicCache.Endpoints;

namespace Portal.Modules.PublicCache.Services;

/// <summary>
/// The footer's visit counter: the figures as of rendering (the page works without JavaScript;
/// a cached page shows them as of caching), refreshed by <c>visits.js</c> from <c>/api/visits</c>.
/// </summary>
internal sealed class VisitCounterWidget(ICurrentTenant currentTenant, VisitStore visits) : IPublicZoneWidget
{
    public const string ScriptPath = "/_content/Portal.Modules.PublicCache/visits.js";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public string Zone => PublicZones.Footer;

    public int Order => 900;

    public async ValueTask<IHtmlContent?> RenderAsync(HttpContext context)
    {
        if (currentTenant.Tenant is not { } tenant)
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<PortalDbContext>();
        var figures = await visits.GetAsync(db, tenant.Id, context.RequestAborted).ConfigureAwait(false);
        var api = HtmlEncoder.Default.Encode(context.Request.PathBase.Add(VisitEndpoints.Path).Value ?? VisitEndpoints.Path);
        return new HtmlString(
            $"""
            <section class="visit-counter" aria-label="Thống kê truy cập" data-visits-url="{api}">
            <ul>
            <li>Đang truy cập: <strong data-visits="online">{Format(figures.Online)}</strong></li>
            <li>Hôm nay: <strong data-visits="today">{Format(figures.Today)}</strong></li>
            <li>Tổng lượt truy cập: <strong data-visits="total">{Format(figures.Total)}</strong></li>
            </ul>
            <script src="{ScriptPath}" defer></script>
            </section>
            """);
    }

    internal static string Format(long value) => value.ToString("N0", Vietnamese);
}
