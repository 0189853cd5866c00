using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Core.Tenancy;

/// <summary>
/// The one way to reach another tenant's data (province-wide reports, routing a question to a
/// department). Only a caller signed in to the province portal, or to an ancestor of the target,
/// and holding <see cref="CrossTenantPermissions.AccessOtherTenants"/> may use it. Reads run in a
/// read-only transaction of the target tenant's scope (the usual filters and row-level security
/// still apply); a write is an explicit command, audited in both tenants' trails.
/// </summary>
public interface ICrossTenantAccess
{
    /// <summary>
    /// Runs <paramref name="read"/> in a scope of <paramref name="target"/>, inside a read-only
    /// transaction (PostgreSQL <c>SET TRANSACTION READ ONLY</c>; SQLite <c>PRAGMA query_only</c>),
    /// so any write it attempts through the scope's <see cref="PortalDbContext"/> fails. Audited
    /// as <c>cross-tenant.read</c> in the asking tenant's trail, with <paramref name="reason"/>.
    /// </summary>
    /// <exception cref="CrossTenantAccessDeniedException">The caller may not reach <paramref name="target"/>.</exception>
    Task<T> ReadAsync<T>(ClaimsPrincipal caller, TenantDescriptor target, string reason, Func<IServiceProvider, Task<T>> read, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the explicit command <paramref name="write"/> in a scope of <paramref name="target"/>, in one
    /// transaction with a <c>cross-tenant.write</c> entry in the target's trail (naming the asking
    /// tenant, <paramref name="action"/> and <paramref name="reason"/>); the asking tenant's trail
    /// records the same before the command runs. Changes left unsaved by the command are saved.
    /// </summary>
    /// <exception cref="CrossTenantAccessDeniedException">The caller may not reach <paramref name="target"/>.</exception>
    Task<T> WriteAsync<T>(ClaimsPrincipal caller, TenantDescriptor target, string action, string reason, Func<IServiceProvider, Task<T>> write, CancellationToken cancellationToken = default);
}

/// <summary>The right to read other tenants' data (and run cross-tenant commands) from the province portal or a parent site.</summary>
public static class CrossTenantPermissions
{
    public static readonly Permission AccessOtherTenants = new(nameof(AccessOtherTenants), "Truy cập dữ liệu của các trang khác", "Hệ thống");
}

/// <summary>A cross-tenant read or write the caller may not make; the message is Vietnamese.</summary>
public sealed class CrossTenantAccessDeniedException(string message) : UnauthorizedAccessException(message);

// The directory comes from the Tenants module; a host without it (a module's unit tests) sees only the target's own parent.
public sealed partial class CrossTenantAccess(
    ICurrentTenant currentTenant,
    ITenantScopeFactory scopes,
    IAuditLog auditLog,
    ILogger<CrossTenantAccess> logger,
    ITenantDirectory? directory = null) : ICrossTenantAccess
{
    public const string AuditAction = "cross-tenant.read";
    public const string WriteAuditAction = "cross-tenant.write";
    public const string DeniedAuditAction = "cross-tenant.denied";

    public async Task<T> ReadAsync<T>(ClaimsPrincipal caller, TenantDescriptor target, string reason, Func<IServiceProvider, Task<T>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var asking = await AuthorizeAsync(caller, target, reason, "read", cancellationToken).ConfigureAwait(false);
        await auditLog.WriteAsync(AuditAction, target.Name, reason, cancellationToken).ConfigureAwait(false);
        LogCrossTenantRead(logger, asking.Name, target.Name, reason);

        await using var scope = scopes.CreateScope(target);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsNpgsql())
        {
            // Allowed after the interceptor's set_config: only going back to read-write is refused.
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancellationToken).ConfigureAwait(false);
            return await read(scope.ServiceProvider).ConfigureAwait(false);
        }

        if (db.Database.GetDbConnection() is SqliteConnection connection)
        {
            // SQLite has no read-only transaction: the connection refuses writes while the read runs.
            // It goes back to a pool, so the pragma is undone on every path.
            await SetQueryOnlyAsync(connection, true, cancellationToken).ConfigureAwait(false);
            try
            {
                return await read(scope.ServiceProvider).ConfigureAwait(false);
            }
            finally
            {
                await SetQueryOnlyAsync(connection, false, CancellationToken.None).ConfigureAwait(false);
            }
        }

        throw new NotSupportedException($"No read-only mode for the database provider {db.Database.ProviderName}.");
    }

    public async Task<T> WriteAsync<T>(ClaimsPrincipal caller, TenantDescriptor target, string action, string reason, Func<IServiceProvider, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var asking = await AuthorizeAsync(caller, target, reason, action, cancellationToken).ConfigureAwait(false);
        await auditLog.WriteAsync(WriteAuditAction, target.Name, $"{action}: {reason}", cancellationToken).ConfigureAwait(false);
        LogCrossTenantWrite(logger, asking.Name, target.Name, action, reason);

        await using var scope = scopes.CreateScope(target);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await write(scope.ServiceProvider).ConfigureAwait(false);
        scope.ServiceProvider.GetRequiredService<IAuditLog>().Add(WriteAuditAction, asking.Name, $"{action}: {reason}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>The asking tenant, when the caller may reach <paramref name="target"/>; else audits the refusal and throws.</summary>
    private async Task<TenantDescriptor> AuthorizeAsync(ClaimsPrincipal caller, TenantDescriptor target, string reason, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(target);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A cross-tenant access must say why.", nameof(reason));
        }

        var asking = currentTenant.Tenant ?? throw new InvalidOperationException("A cross-tenant access needs a current tenant.");
        var refusal =
            caller.Identity?.IsAuthenticated != true || caller.FindFirst(PortalClaimTypes.TenantId)?.Value != asking.Id
                ? "người thực hiện không đăng nhập vào trang đang yêu cầu"
                : !caller.HasPermission(CrossTenantPermissions.AccessOtherTenants.Name)
                    ? $"cần quyền \"{CrossTenantPermissions.AccessOtherTenants.DisplayName}\""
                    : !asking.IsDefault && !IsAncestor(asking, target)
                        ? "chỉ Cổng thông tin của tỉnh hoặc đơn vị cấp trên của trang này được truy cập"
                        : null;
        if (refusal is null)
        {
            return asking;
        }

        await auditLog.WriteAsync(DeniedAuditAction, target.Name, $"{what}: {reason} ({refusal})", cancellationToken).ConfigureAwait(false);
        LogCrossTenantDenied(logger, asking.Name, target.Name, refusal);
        throw new CrossTenantAccessDeniedException($"Không được truy cập dữ liệu của trang {target.DisplayName}: {refusal}.");
    }

    /// <summary>True when <paramref name="ancestor"/> is the target's parent, grandparent...; a cycle in the data stops the walk.</summary>
    private bool IsAncestor(TenantDescriptor ancestor, TenantDescriptor target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { target.Id };
        for (var parentId = directory?.FindById(target.Id)?.ParentId ?? target.ParentId; parentId is not null && seen.Add(parentId); parentId = directory?.FindById(parentId)?.ParentId)
        {
            if (parentId == ancestor.Id)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task SetQueryOnlyAsync(SqliteConnection connection, bool on, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = on ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Asking} read data of tenant {Target}: {Reason}")]
    private static partial void LogCrossTenantRead(ILogger logger, string asking, string target, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Asking} ran {Action} in tenant {Target}: {Reason}")]
    private static partial void LogCrossTenantWrite(ILogger logger, string asking, string target, string action, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Asking} was refused access to tenant {Target}: {Refusal}")]
    private static partial void LogCrossTenantDenied(ILogger logger, string asking, string target, string refusal);
}
