using Portal.Core.Tenancy;

namespace Portal.Web.Hosting;

/// <summary>
/// The addresses people open the sites at: each site's host name with the scheme and port of the
/// address the server listens on, so the running server and the command line print the same URL.
/// </summary>
public sealed record SiteUrls(string Scheme, int Port)
{
    /// <summary>Kestrel's address when none is configured.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    /// <summary>From a listen address as Kestrel takes it (<c>http://*:5080</c>, <c>http://127.0.0.1:5080;https://...</c>).</summary>
    public static SiteUrls FromListenAddress(string? addresses)
    {
        var first = (addresses ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? KestrelDefault;
        // Wildcard hosts (*, +) are not valid in a URI; only the scheme and the port matter here.
        var uri = new Uri(first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal));
        return new SiteUrls(uri.Scheme, uri.Port);
    }

    /// <summary>
    /// Where the server would listen: <c>urls</c> (<c>ASPNETCORE_URLS</c>, which <c>dotnet run</c> sets from
    /// <c>launchSettings.json</c>: port 5080 in Development), else <c>http_ports</c>, else Kestrel's default.
    /// </summary>
    public static SiteUrls FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return FromListenAddress(urls);
        }

        return configuration["http_ports"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } port
            ? FromListenAddress($"http://localhost:{port}")
            : FromListenAddress(null);
    }

    /// <summary>The address of a site; one without a host name of its own is under the province portal's host.</summary>
    public string For(TenantDescriptor tenant, TenantDescriptor? portal = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var host = FirstHost(tenant) ?? (portal is null ? null : FirstHost(portal)) ?? "localhost";
        var port = (Scheme, Port) is ("http", 80) or ("https", 443) ? "" : $":{Port}";
        var prefix = tenant.UrlPrefix is { Length: > 0 } p ? "/" + p : "";
        return $"{Scheme}://{host}{port}{prefix}";
    }

    // A wildcard is no address to visit.
    private static string? FirstHost(TenantDescriptor tenant) => tenant.HostNames.FirstOrDefault(h => !h.StartsWith("*.", StringComparison.Ordinal));
}
