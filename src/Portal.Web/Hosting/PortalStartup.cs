using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;
using Portal.Web.Data;
using Portal.Web.Setup;

namespace Portal.Web.Hosting;

public static class PortalStartup
{
    /// <summary>Checks the key ring's protection, migrates the database, provisions the portal on a first run and loads the tenant registry.</summary>
    public static async Task<SetupResult> InitializePortalAsync(this WebApplication app)
    {
        KeyProtection.EnsureUsable(app.Services);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync().ConfigureAwait(false);
        return await app.Services.GetRequiredService<FirstRunSetup>().RunAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// For an operator command: migrates the database and loads the tenant registry, but never runs
    /// the first run (the generated admin password would reach nobody; the command refuses instead).
    /// </summary>
    public static async Task InitializeForCommandAsync(this WebApplication app)
    {
        KeyProtection.EnsureUsable(app.Services);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync().ConfigureAwait(false);
        await app.Services.GetRequiredService<TenantRegistry>().ReloadAsync().ConfigureAwait(false);
    }

    /// <summary>Once listening, prints the sites to open and how to sign in.</summary>
    public static void PrintWelcomeOnStart(this WebApplication app, SetupResult setup)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = SiteUrls.FromListenAddress(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault());
            var registry = app.Services.GetRequiredService<TenantRegistry>();
            var output = Console.Out;
            output.WriteLine();
            output.WriteLine("Portal.Orchard đang chạy. Mở các trang sau:");
            foreach (var tenant in registry.All.Where(t => t.IsRunning && t.HostNames.Count > 0).OrderBy(t => t.IsDefault ? 0 : 1).ThenBy(t => t.Name, StringComparer.Ordinal).Take(12))
            {
                var url = urls.For(tenant);
                output.WriteLine($"  {tenant.DisplayName,-40} {url}   quản trị: {url}/admin");
            }

            if (registry.All.Count > 12)
            {
                output.WriteLine($"  ... và {registry.All.Count - 12} trang khác (xem trong quản trị của Cổng tỉnh)");
            }

            output.WriteLine();
            if (setup.GeneratedPassword is { } password)
            {
                output.WriteLine($"Đăng nhập mọi trang với tài khoản '{FirstRunSetup.AdminUserName}', mật khẩu: {password}");
                output.WriteLine("(Mật khẩu này chỉ in ra một lần. Đặt Portal__Setup__AdminPassword trước lần chạy đầu để tự chọn.)");
            }
            else
            {
                output.WriteLine($"Đăng nhập với tài khoản '{FirstRunSetup.AdminUserName}' và mật khẩu quản trị đã đặt khi khởi tạo.");
            }

            output.WriteLine();
        });
    }
}
