using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Core.Data;

namespace Portal.Web.Data;

/// <summary>
/// Second lock on PostgreSQL: before the first command on every opening of a connection, set
/// <c>app.tenant_id</c> for the row-level security policies. Tracked through the connection's
/// own StateChange event rather than EF's ConnectionOpened, which is not raised on every
/// pooled use (efcore.pg#2746). Npgsql's reset on close (DISCARD ALL; "No Reset On Close" is
/// kept off) clears the setting before the physical connection serves anyone else.
/// </summary>
public sealed class PostgresTenantSessionInterceptor : DbCommandInterceptor, IDbTransactionInterceptor
{
    public const string SettingName = "app.tenant_id";

    private static readonly ConditionalWeakTable<DbConnection, SessionState> Sessions = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnsureTenant(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnsureTenantAsync(command, eventData, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnsureTenant(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnsureTenantAsync(command, eventData, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnsureTenant(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnsureTenantAsync(command, eventData, cancellationToken).ConfigureAwait(false);
        return result;
    }

    // A rollback also undoes a set_config made inside the transaction: set it again on next use.
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => Forget(eventData.Context);

    public Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Forget(DbContext? context)
    {
        if (context?.Database.GetDbConnection() is { } connection && Sessions.TryGetValue(connection, out var session))
        {
            session.TenantId = null;
        }
    }

    private static void EnsureTenant(DbCommand command, CommandEventData eventData)
    {
        if (NeedsSetting(command, eventData, out var setCommand))
        {
            using (setCommand)
            {
                setCommand.ExecuteNonQuery();
            }
        }
    }

    private static async Task EnsureTenantAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (NeedsSetting(command, eventData, out var setCommand))
        {
            await using (setCommand.ConfigureAwait(false))
            {
                await setCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool NeedsSetting(DbCommand command, CommandEventData eventData, out DbCommand setCommand)
    {
        setCommand = null!;
        var connection = command.Connection;
        if (connection is null || connection.State != ConnectionState.Open)
        {
            return false;
        }

        var tenantId = (eventData.Context as PortalDbContext)?.CurrentTenantId ?? "";
        var session = Sessions.GetValue(connection, static c => new SessionState(c));
        if (session.TenantId == tenantId)
        {
            return false;
        }

        setCommand = connection.CreateCommand();
        setCommand.Transaction = command.Transaction;
        setCommand.CommandText = $"SELECT set_config('{SettingName}', @tenant, false)";
        var parameter = setCommand.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenantId;
        setCommand.Parameters.Add(parameter);
        session.TenantId = tenantId;
        return true;
    }

    private sealed class SessionState
    {
        public SessionState(DbConnection connection) =>
            connection.StateChange += (_, e) =>
            {
                if (e.CurrentState != ConnectionState.Open)
                {
                    TenantId = null;
                }
            };

        /// <summary>The tenant set on the session since the connection was last opened, if any.</summary>
        public string? TenantId { get; set; }
    }
}
