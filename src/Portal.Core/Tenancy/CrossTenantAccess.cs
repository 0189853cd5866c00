using Microsoft.Extensions.Logging;
using Portal.Core.Auditing;

namespace Portal.Core.Tenancy;

/// <summary>
/// The one way to read another tenant's data (province-wide reports, routing a question to
/// a department). Each use is written to the asking tenant's audit trail with its reason,
/// and the work runs in a scope of the target tenant, so the usual filters (and row-level
/// security on PostgreSQL) still apply.
/// </summary>
public interface ICrossTenantAccess
{
    Task<T> ReadAsync<T>(TenantDescriptor target, string reason, Func<IServiceProvider, Task<T>> read, CancellationToken cancellationToken = default);
}

public sealed partial class CrossTenantAccess(
    ICurrentTenant currentTenant,
    ITenantScopeFactory scopes,
    IAuditLog auditLog,
    ILogger<CrossTenantAccess> logger) : ICrossTenantAccess
{
    public const string AuditAction = "cross-tenant.read";

    public async Task<T> ReadAsync<T>(TenantDescriptor target, string reason, Func<IServiceProvider, Task<T>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(read);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A cross-tenant read must say why.", nameof(reason));
        }

        var asking = currentTenant.Tenant ?? throw new InvalidOperationException("A cross-tenant read needs a current tenant.");
        await auditLog.WriteAsync(AuditAction, target.Name, reason, cancellationToken).ConfigureAwait(false);
        LogCrossTenantRead(logger, asking.Name, target.Name, reason);

        await using var scope = scopes.CreateScope(target);
        return await read(scope.ServiceProvider).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Asking} read data of tenant {Target}: {Reason}")]
    private static partial void LogCrossTenantRead(ILogger logger, string asking, string target, string reason);
}
