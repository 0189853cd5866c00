using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Core.Text;

namespace Portal.Web.Data;

/// <summary>What a purge did to one tenant's trail; <see cref="Error"/> (Vietnamese) when it refused.</summary>
public sealed record AuditPurgeResult(long Deleted, long FirstSequence, string? Error = null);

/// <summary>
/// The only way audit rows are deleted (<c>audit purge --older-than-months N</c>, N at least
/// <see cref="AuditTriggers.RetentionMonths"/>): per tenant, the oldest rows before the cut-off,
/// as a prefix of the chain, after verifying it. The chain's anchor (<see cref="AuditChain.FirstSequence"/>,
/// <see cref="AuditChain.FirstPrevHash"/>) moves to the first kept row in the same transaction, and
/// the purge is itself audited. SQLite: through the application's connection (its trigger lets rows
/// older than 12 months go). PostgreSQL: through the owner's connection (the application role has
/// no DELETE on the table), in the tenant's row-level security scope; without an owner connection
/// the purge is refused.
/// </summary>
public sealed class AuditPurge(DatabaseOptions options, ITenantScopeFactory tenantScopes)
{
    public const string PurgeAction = "audit.purge";

    public const string NoOwnerConnection =
        "Trên PostgreSQL, chỉ chủ sở hữu các bảng được xóa nhật ký: hãy đặt Portal:Database:OwnerConnectionString rồi chạy lại.";

    public async Task<AuditPurgeResult> PurgeAsync(TenantDescriptor tenant, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (options.Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(options.OwnerConnectionString))
        {
            return new AuditPurgeResult(0, 0, NoOwnerConnection);
        }

        await using var scope = tenantScopes.CreateScope(tenant);
        var verification = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken).ConfigureAwait(false);
        if (!verification.IsIntact)
        {
            return new AuditPurgeResult(0, 0,
                $"chuỗi nhật ký đã hỏng ({verification.Problem}); không xóa gì, hãy chạy 'audit verify' và điều tra trước.");
        }

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cutoffUtc = cutoff.UtcDateTime;
        AuditPurgeResult result;
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            await using var owner = new NpgsqlConnection(options.OwnerConnectionString);
            await owner.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await owner.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(owner, transaction, "SELECT set_config('" + PostgresTenantSessionInterceptor.SettingName + "', @t, true)", tenant.Id, cutoffUtc, cancellationToken).ConfigureAwait(false);
            result = await PurgePrefixAsync(owner, transaction, tenant.Id, cutoffUtc, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (result.Deleted > 0)
            {
                await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(PurgeAction, tenant.Name, Details(result, cutoff), cancellationToken).ConfigureAwait(false);
            }

            return result;
        }

        // SQLite: the delete, the anchor and the purge's own entry in one transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            result = await PurgePrefixAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), tenant.Id, cutoffUtc, cancellationToken).ConfigureAwait(false);
            if (result.Deleted > 0)
            {
                await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(PurgeAction, tenant.Name, Details(result, cutoff), cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static string Details(AuditPurgeResult result, DateTimeOffset cutoff) =>
        $"Xóa {result.Deleted} dòng ghi trước {VietnamTime.Format(cutoff)}; chuỗi bắt đầu từ dòng số {result.FirstSequence}";

    // The kept chain starts at the first row at or after the cut-off; everything before it (and older
    // than the cut-off) goes, and the anchor records where the kept chain starts and the hash it follows.
    private static async Task<AuditPurgeResult> PurgePrefixAsync(DbConnection connection, DbTransaction transaction, string tenantId, DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        var keepFrom = await ScalarAsync(connection, transaction,
            "SELECT MIN(\"Sequence\") FROM \"AuditEntries\" WHERE \"TenantId\" = @t AND \"AtUtc\" >= @cutoff AND \"Sequence\" > 0", tenantId, cutoffUtc, cancellationToken).ConfigureAwait(false);
        var lastSequence = await ScalarAsync(connection, transaction,
            "SELECT \"LastSequence\" FROM \"AuditChains\" WHERE \"TenantId\" = @t", tenantId, cutoffUtc, cancellationToken).ConfigureAwait(false);
        if (lastSequence is not long last)
        {
            return new AuditPurgeResult(0, 1);
        }

        var firstKept = keepFrom as long? ?? last + 1;
        var deleted = await ExecuteAsync(connection, transaction,
            $"DELETE FROM \"AuditEntries\" WHERE \"TenantId\" = @t AND \"AtUtc\" < @cutoff AND \"Sequence\" > 0 AND \"Sequence\" < {firstKept}", tenantId, cutoffUtc, cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            var anchor = keepFrom is long
                ? $"(SELECT \"PrevHash\" FROM \"AuditEntries\" WHERE \"TenantId\" = @t AND \"Sequence\" = {firstKept})"
                : "\"LastHash\"";
            await ExecuteAsync(connection, transaction,
                $"UPDATE \"AuditChains\" SET \"FirstSequence\" = {firstKept}, \"FirstPrevHash\" = {anchor} WHERE \"TenantId\" = @t", tenantId, cutoffUtc, cancellationToken).ConfigureAwait(false);
        }

        return new AuditPurgeResult(deleted, firstKept);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, string tenantId, DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, tenantId, cutoffUtc);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, string tenantId, DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, tenantId, cutoffUtc);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Values are parameters; the only numbers written into the SQL are sequences read from the database.
    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, string tenantId, DateTime cutoffUtc)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in new (string, object)[] { ("t", tenantId), ("cutoff", cutoffUtc) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
