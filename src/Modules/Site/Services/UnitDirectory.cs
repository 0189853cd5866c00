using Microsoft.AspNetCore.Http;
using Portal.Core.Tenancy;

namespace Portal.Modules.Site.Services;

/// <summary>A component site in the portal's directory: its name, kind and address.</summary>
public sealed record UnitLink(string Name, TenantKind Kind, string Url);

/// <summary>
/// The component sites the province portal links to (TN Đ2.2), from the tenant registry (memory):
/// every running tenant but the portal, at its first host name with the scheme and port the
/// visitor used (<c>http://sotaichinh.thainguyen.localhost:5000/</c> locally), a site without a
/// host of its own under the portal's host and its URL prefix.
/// </summary>
public sealed class UnitDirectory(ITenantDirectory tenants)
{
    public IReadOnlyList<UnitLink> List(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var port = request.Host.Port is { } p ? $":{p}" : "";
        var culture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        return [.. tenants.All
            .Where(t => t.IsRunning && !t.IsDefault)
            .OrderBy(t => t.Kind).ThenBy(t => t.DisplayName, StringComparer.Create(culture, false))
            .Select(t =>
            {
                var host = t.HostNames.FirstOrDefault(h => !h.StartsWith("*.", StringComparison.Ordinal)) ?? request.Host.Host;
                var prefix = t.UrlPrefix is { Length: > 0 } u ? "/" + u : "";
                return new UnitLink(t.DisplayName, t.Kind, $"{request.Scheme}://{host}{port}{prefix}/");
            })];
    }
}
