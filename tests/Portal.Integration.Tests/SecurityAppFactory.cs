using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Portal.Integration.Tests;

/// <summary>
/// The SQLite app as a developer runs it (Development: cookies follow the request's scheme), with
/// one known reverse proxy, a fake clock the tests move, and a test header that sets the TCP
/// client address (TestServer has none), so a request can come "from" the proxy or a stranger.
/// </summary>
public sealed class SecurityAppFactory() : SecurityAppFactoryBase(new SqliteFileDatabase("portal-it-"));

/// <summary>The same as <see cref="SecurityAppFactory"/>, on PostgreSQL.</summary>
public sealed class PostgresSecurityAppFactory() : SecurityAppFactoryBase(new PostgresDatabase());

/// <summary>The app of either provider with a known proxy, a fake clock and settable client addresses.</summary>
public abstract class SecurityAppFactoryBase(TestDatabase database) : PortalAppFactory(database)
{
    public const string KnownProxy = "10.20.30.40";
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private static int _lastAddress;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:ReverseProxy:KnownProxies:0"] = KnownProxy,
        }));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>A fresh address per caller, so per-address rate limits of one test never touch another's.</summary>
    public static string NewClientAddress()
    {
        var n = Interlocked.Increment(ref _lastAddress);
        return $"10.77.{n / 250}.{(n % 250) + 1}";
    }

    /// <summary>A client connecting from <paramref name="address"/> (a fresh one if null), plain HTTP, cookies kept.</summary>
    public HttpClient ClientFrom(string host, string? address = null, bool handleCookies = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/"), AllowAutoRedirect = false, HandleCookies = handleCookies });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address ?? NewClientAddress());
        return client;
    }

    /// <summary>A client behind a proxy at <paramref name="proxy"/> that says the browser used HTTPS from <paramref name="browser"/>.</summary>
    public HttpClient ClientBehindProxy(string host, string proxy, string browser)
    {
        var client = ClientFrom(host, proxy, handleCookies: false);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", browser);
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
