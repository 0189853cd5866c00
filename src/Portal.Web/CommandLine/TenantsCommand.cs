using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Web.CommandLine;

/// <summary>
/// Operators' entry: <c>dotnet run --project src/Portal.Web -- tenants &lt;command&gt;</c>.
/// Runs against the configured database with the same services as the web app; changes are
/// audited in the province portal's trail as the <c>cli</c> actor.
/// </summary>
public static class TenantsCommand
{
    public const string Usage = """
        Cách dùng: tenants <lệnh>
          list [--search <từ khóa>]                 liệt kê các trang
          create --name "<tên đơn vị>" --kind <department|commune|organisation> [--label <tên miền con>] [--recipe <kịch bản>]
          import <tệp>                              tạo nhiều trang: mỗi dòng "<tên đơn vị>;<loại>[;<tên miền con>]"
          disable <tên miền con>                    tạm ngừng một trang
          enable <tên miền con>                     hoạt động lại
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var registry = services.GetRequiredService<TenantRegistry>();
        var portal = registry.FindByName(TenantDescriptor.DefaultName);
        if (portal is null)
        {
            await output.WriteLineAsync("Chưa có Cổng thông tin của tỉnh: hãy chạy ứng dụng một lần để khởi tạo.").ConfigureAwait(false);
            return 1;
        }

        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(portal);
        var provisioner = scope.ServiceProvider.GetRequiredService<TenantProvisioner>();
        var command = args.Length > 0 ? args[0] : "";
        switch (command)
        {
            case "list":
                var page = scope.ServiceProvider.GetRequiredService<TenantQueries>().List(Option(args, "--search"), null, null, 1, 200);
                foreach (var t in page.Items)
                {
                    await output.WriteLineAsync($"{t.Name,-28} {t.State,-9} {t.Kind,-13} {t.DisplayName}  http://{(t.HostNames.Count > 0 ? t.HostNames[0] : "")}").ConfigureAwait(false);
                }

                await output.WriteLineAsync($"{page.TotalCount} trang").ConfigureAwait(false);
                return 0;

            case "create":
                if (Option(args, "--name") is not { } name || !Enum.TryParse<TenantKind>(Option(args, "--kind") ?? "", ignoreCase: true, out var kind))
                {
                    await output.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 2;
                }

                return await ReportAsync(output, await provisioner.CreateAsync(
                    new CreateTenantRequest(name, kind) { Label = Option(args, "--label"), Recipe = Option(args, "--recipe") },
                    portal, cancellationToken: cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

            case "import" when args.Length > 1:
                return await ImportAsync(provisioner, portal, args[1], output, cancellationToken).ConfigureAwait(false);

            case "disable" or "enable" when args.Length > 1:
                if (registry.FindByName(args[1]) is not { } tenant)
                {
                    await output.WriteLineAsync($"Không tìm thấy trang '{args[1]}'.").ConfigureAwait(false);
                    return 1;
                }

                return await ReportAsync(output, await provisioner.SetStateAsync(
                    tenant.Id, command == "disable" ? TenantState.Disabled : TenantState.Running, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

            default:
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return 2;
        }
    }

    private static async Task<int> ImportAsync(TenantProvisioner provisioner, TenantDescriptor portal, string file, TextWriter output, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"Không tìm thấy tệp '{file}'.").ConfigureAwait(false);
            return 1;
        }

        var lines = (await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        int created = 0, failed = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split(';', StringSplitOptions.TrimEntries);
            TenantResult result;
            if (parts.Length < 2 || !Enum.TryParse<TenantKind>(parts[1], ignoreCase: true, out var kind))
            {
                result = TenantResult.Fail("dòng phải có dạng \"<tên đơn vị>;<loại>[;<tên miền con>]\"");
            }
            else
            {
                result = await provisioner.CreateAsync(
                    new CreateTenantRequest(parts[0], kind) { Label = parts.Length > 2 ? parts[2] : null },
                    portal, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (result.Succeeded)
            {
                created++;
                if (result.InitialAdminPassword is { } password)
                {
                    await output.WriteLineAsync($"{result.Tenant!.Name}: admin / {password}").ConfigureAwait(false);
                }
            }
            else
            {
                failed++;
                await output.WriteLineAsync($"Dòng {i + 1}: {string.Join(" ", result.Errors)}").ConfigureAwait(false);
            }

            if ((i + 1) % 100 == 0 || i + 1 == lines.Count)
            {
                await output.WriteLineAsync($"Đã xử lý {i + 1}/{lines.Count} dòng: tạo {created}, lỗi {failed}").ConfigureAwait(false);
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> ReportAsync(TextWriter output, TenantResult result)
    {
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await output.WriteLineAsync("Lỗi: " + error).ConfigureAwait(false);
            }

            return 1;
        }

        var tenant = result.Tenant!;
        await output.WriteLineAsync($"{tenant.DisplayName} ({tenant.Name}): {tenant.State}, http://{(tenant.HostNames.Count > 0 ? tenant.HostNames[0] : "")}").ConfigureAwait(false);
        if (result.InitialAdminPassword is { } password)
        {
            await output.WriteLineAsync($"Tài khoản quản trị: admin, mật khẩu (chỉ in một lần): {password}").ConfigureAwait(false);
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
