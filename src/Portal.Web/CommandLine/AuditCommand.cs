using System.Globalization;
using Portal.Core.Auditing;
using Portal.Core.Tenancy;
using Portal.Web.Data;

namespace Portal.Web.CommandLine;

/// <summary>
/// <c>audit verify [--tenant &lt;name&gt;]</c> recomputes each tenant's hash chain and prints OK or
/// the first broken row (exit code 1 when any chain is broken); <c>audit purge --older-than-months N</c>
/// (N at least 12) is the only way audit rows are deleted (<see cref="AuditPurge"/>).
/// </summary>
public static class AuditCommand
{
    public const string Name = "audit";

    public const string Usage = """
        Cách dùng: audit <lệnh>
          verify [--tenant <tên miền con>]          kiểm tra chuỗi băm nhật ký của mọi trang (hoặc một trang)
          purge --older-than-months <N>             xóa nhật ký cũ hơn N tháng (N từ 12 trở lên)
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CommandConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (await OperatorCommands.SelectTenantsAsync(services, args, console).ConfigureAwait(false) is not { } tenants)
        {
            return 1;
        }

        switch (args.Length > 0 ? args[0] : "")
        {
            case "verify":
                return await VerifyAsync(services, tenants, console, cancellationToken).ConfigureAwait(false);

            case "purge":
                if (!int.TryParse(OperatorCommands.Option(args, "--older-than-months"), NumberStyles.None, CultureInfo.InvariantCulture, out var months))
                {
                    await console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 2;
                }

                if (months < AuditTriggers.RetentionMonths)
                {
                    await console.Error.WriteLineAsync($"Nhật ký phải được giữ ít nhất {AuditTriggers.RetentionMonths} tháng: không xóa gì.").ConfigureAwait(false);
                    return 2;
                }

                return await PurgeAsync(services, tenants, months, console, cancellationToken).ConfigureAwait(false);

            default:
                await console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
                return 2;
        }
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, List<TenantDescriptor> tenants, CommandConsole console, CancellationToken cancellationToken)
    {
        var broken = 0;
        foreach (var tenant in tenants)
        {
            await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
            var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsIntact)
            {
                await console.Out.WriteLineAsync($"{tenant.Name,-24} OK: {result.Rows} dòng nhật ký, chuỗi băm nguyên vẹn").ConfigureAwait(false);
                continue;
            }

            broken++;
            var at = result.BrokenId is { } id ? $"dòng số {result.BrokenSequence} (mã {id})" : $"dòng số {result.BrokenSequence}";
            await console.Out.WriteLineAsync($"{tenant.Name,-24} LỖI tại {at}: {result.Problem}").ConfigureAwait(false);
        }

        await console.Out.WriteLineAsync(broken == 0
            ? $"Đã kiểm tra {tenants.Count} trang: không phát hiện can thiệp."
            : $"Đã kiểm tra {tenants.Count} trang: {broken} trang có nhật ký bị sửa hoặc xóa.").ConfigureAwait(false);
        return broken == 0 ? 0 : 1;
    }

    private static async Task<int> PurgeAsync(IServiceProvider services, List<TenantDescriptor> tenants, int months, CommandConsole console, CancellationToken cancellationToken)
    {
        var purge = services.GetRequiredService<AuditPurge>();
        var cutoff = services.GetRequiredService<TimeProvider>().GetUtcNow().AddMonths(-months);
        var failed = 0;
        foreach (var tenant in tenants)
        {
            var result = await purge.PurgeAsync(tenant, cutoff, cancellationToken).ConfigureAwait(false);
            if (result.Error is { } error)
            {
                failed++;
                await console.Error.WriteLineAsync($"{tenant.Name}: {error}").ConfigureAwait(false);
                if (error == AuditPurge.NoOwnerConnection)
                {
                    return 1;
                }

                continue;
            }

            await console.Out.WriteLineAsync($"{tenant.Name,-24} đã xóa {result.Deleted} dòng cũ hơn {months} tháng").ConfigureAwait(false);
        }

        return failed == 0 ? 0 : 1;
    }
}
