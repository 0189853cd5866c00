using Microsoft.Extensions.Options;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;
using Portal.Web.Hosting;
using Portal.Web.Setup;

namespace Portal.Web.CommandLine;

/// <summary>
/// Operators' entry: <c>dotnet run --project src/Portal.Web -- tenants &lt;command&gt;</c>.
/// Runs against the configured database with the same services as the web app (which may keep
/// running: it sees the change within its registry's refresh interval); changes are audited in
/// the province portal's trail. Results go to standard output, problems to standard error.
/// </summary>
public static class TenantsCommand
{
    public const string Name = "tenants";

    public const string Usage = """
        Cách dùng: tenants <lệnh>
          list [--search <từ khóa>]                 liệt kê các trang
          create --name "<tên đơn vị>" --kind <department|commune|organisation> [--label <tên miền con>] [--recipe <kịch bản>]
          import <tệp>                              tạo nhiều trang: mỗi dòng "<tên đơn vị>;<loại>[;<tên miền con>]"
          disable <tên miền con>                    tạm ngừng một trang
          enable <tên miền con>                     hoạt động lại
        Loại: department (sở, ban, ngành), commune (xã, phường), organisation (cơ quan, tổ chức).
        """;

    public const string NotSetUp =
        "Cổng thông tin của tỉnh chưa được khởi tạo xong: hãy chạy ứng dụng một lần (dotnet run --project src/Portal.Web) " +
        "để khởi tạo và nhận mật khẩu quản trị, rồi chạy lại lệnh này.";

    public static string ProvinceRecipeRefused(string recipe) =>
        $"Lỗi: không thể tạo trang thành phần từ kịch bản '{recipe.Trim()}': kịch bản này chỉ dùng để khởi tạo Cổng thông tin của tỉnh. " +
        "Bỏ --recipe để dùng kịch bản trang thành phần mặc định.";

    /// <summary>True when the arguments name an operator command rather than options of the web server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command after <c>tenants</c>; 0 on success, 1 on failure, 2 on bad usage.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CommandConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var registry = services.GetRequiredService<TenantRegistry>();
        var portal = registry.FindByName(TenantDescriptor.DefaultName);
        if (!FirstRunSetup.IsComplete(portal))
        {
            // Never provision from here: the generated admin passwords would be printed to nobody.
            await console.Error.WriteLineAsync(NotSetUp).ConfigureAwait(false);
            return 1;
        }

        var urls = SiteUrls.FromConfiguration(services.GetRequiredService<IConfiguration>());
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(portal!);
        var provisioner = scope.ServiceProvider.GetRequiredService<TenantProvisioner>();
        var command = args.Length > 0 ? args[0] : "";
        switch (command)
        {
            case "list":
                var page = scope.ServiceProvider.GetRequiredService<TenantQueries>().List(Option(args, "--search"), null, null, 1, 200);
                foreach (var t in page.Items)
                {
                    await console.Out.WriteLineAsync($"{t.Name,-24} {t.State.ToVietnamese(),-15} {t.Kind.ToVietnamese(),-27} {t.DisplayName,-40} {urls.For(t, portal)}").ConfigureAwait(false);
                }

                await console.Out.WriteLineAsync($"{page.TotalCount} trang").ConfigureAwait(false);
                return 0;

            case "create":
                if (Option(args, "--name") is not { } name || !TryParseKind(Option(args, "--kind"), out var kind))
                {
                    await console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 2;
                }

                var recipe = Option(args, "--recipe");
                if (IsProvinceRecipe(services, recipe))
                {
                    // Its tenant step would take the province portal's hosts, its roles and users are the province's.
                    await console.Error.WriteLineAsync(ProvinceRecipeRefused(recipe!)).ConfigureAwait(false);
                    return 1;
                }

                return await ReportAsync(console, urls, portal, await provisioner.CreateAsync(
                    new CreateTenantRequest(name, kind) { Label = Option(args, "--label"), Recipe = recipe },
                    portal!, cancellationToken: cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

            case "import" when args.Length > 1:
                return await ImportAsync(provisioner, portal!, console.FullPath(args[1]), console, urls, cancellationToken).ConfigureAwait(false);

            case "disable" or "enable" when args.Length > 1:
                if (registry.FindByName(args[1]) is not { } tenant)
                {
                    await console.Error.WriteLineAsync($"Không tìm thấy trang '{args[1]}'.").ConfigureAwait(false);
                    return 1;
                }

                return await ReportAsync(console, urls, portal, await provisioner.SetStateAsync(
                    tenant.Id, command == "disable" ? TenantState.Disabled : TenantState.Running, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

            default:
                await console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
                return 2;
        }
    }

    private static async Task<int> ImportAsync(TenantProvisioner provisioner, TenantDescriptor portal, string file, CommandConsole console, SiteUrls urls, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            await console.Error.WriteLineAsync($"Không tìm thấy tệp '{file}'.").ConfigureAwait(false);
            return 1;
        }

        // Line numbers are the file's own (comments and blank lines count), so an error points at its line.
        var entries = (await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false))
            .Select((text, index) => (Line: index + 1, Text: text.Trim()))
            .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#'))
            .ToList();
        int created = 0, failed = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var (line, text) = entries[i];
            var parts = text.Split(';', StringSplitOptions.TrimEntries);
            var result = parts.Length < 2 || !TryParseKind(parts[1], out var kind)
                ? TenantResult.Fail("dòng phải có dạng \"<tên đơn vị>;<loại>[;<tên miền con>]\", loại là department, commune hoặc organisation")
                : await provisioner.CreateAsync(
                    new CreateTenantRequest(parts[0], kind) { Label = parts.Length > 2 ? parts[2] : null },
                    portal, cancellationToken: cancellationToken).ConfigureAwait(false);

            if (result.Succeeded)
            {
                created++;
                await console.Out.WriteLineAsync($"{result.Tenant!.Name}: {urls.For(result.Tenant, portal)}  tài khoản admin, mật khẩu: {result.InitialAdminPassword}").ConfigureAwait(false);
            }
            else
            {
                failed++;
                await console.Error.WriteLineAsync($"Dòng {line}: {string.Join(" ", result.Errors)}").ConfigureAwait(false);
            }

            if ((i + 1) % 100 == 0 || i + 1 == entries.Count)
            {
                await console.Out.WriteLineAsync($"Đã xử lý {i + 1}/{entries.Count} đơn vị: tạo {created}, lỗi {failed}").ConfigureAwait(false);
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> ReportAsync(CommandConsole console, SiteUrls urls, TenantDescriptor? portal, TenantResult result)
    {
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await console.Error.WriteLineAsync("Lỗi: " + error).ConfigureAwait(false);
            }

            return 1;
        }

        var tenant = result.Tenant!;
        await console.Out.WriteLineAsync($"{tenant.DisplayName} ({tenant.Name}): {tenant.State.ToVietnamese()}, {urls.For(tenant, portal)}").ConfigureAwait(false);
        if (result.InitialAdminPassword is { } password)
        {
            await console.Out.WriteLineAsync($"Tài khoản quản trị: admin, mật khẩu (chỉ in một lần): {password}").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The first run's recipes (province portal, demo) or any the provisioner keeps for the province.</summary>
    private static bool IsProvinceRecipe(IServiceProvider services, string? recipe)
    {
        if (string.IsNullOrWhiteSpace(recipe))
        {
            return false;
        }

        var setup = services.GetRequiredService<IOptions<SetupOptions>>().Value;
        return TenantProvisioner.ProvinceOnlyRecipes.Append(setup.Recipe).Append(setup.DemoRecipe)
            .Contains(recipe.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The kinds a component site can have, by their English names (the province is not one).</summary>
    private static bool TryParseKind(string? text, out TenantKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && !char.IsAsciiDigit(text![0]) && kind is TenantKind.Department or TenantKind.Commune or TenantKind.Organisation;

    private static string? Option(string[] args, string name) => OperatorCommands.Option(args, name);
}
