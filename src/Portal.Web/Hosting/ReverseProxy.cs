using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Web.Hosting;

/// <summary>
/// TLS ends at the reverse proxy (nginx): the client's address and scheme come from
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>, believed only from the proxies named in
/// <c>Portal:ReverseProxy:KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR). Nothing
/// is trusted by default, not even loopback. The host name is never taken from a header other
/// than <c>Host</c>: tenants are found by it, and the proxy forwards it unchanged.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "Portal:ReverseProxy";

    /// <summary>The headers the application reads; the nginx example in docs/nginx sets exactly these.</summary>
    public const ForwardedHeaders TrustedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

    public static IServiceCollection AddPortalReverseProxy(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = TrustedHeaders;
            // One proxy in front: only the entry it appended counts.
            options.ForwardLimit = 1;
            options.RequireHeaderSymmetry = false;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            var section = configuration.GetSection(Section);
            foreach (var value in Values(section.GetSection("KnownProxies")))
            {
                options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies: '{value}' is not an IP address."));
            }

            foreach (var value in Values(section.GetSection("KnownNetworks")))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                    ? network
                    : throw new InvalidOperationException($"{Section}:KnownNetworks: '{value}' is not a CIDR network (e.g. 10.0.0.0/24)."));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so limits, cookies and logs see the real client.</summary>
    public static IApplicationBuilder UsePortalReverseProxy(this IApplicationBuilder app) => app.UseForwardedHeaders();

    // Arrays come as KnownProxies:0, :1 ... (Portal__ReverseProxy__KnownProxies__0=...); a single
    // value may also list several separated by commas or spaces.
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? ""))
            .SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
