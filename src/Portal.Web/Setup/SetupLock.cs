using Npgsql;
using Portal.Core.Data;
using Portal.Web.Data;

namespace Portal.Web.Setup;

/// <summary>
/// Keeps two nodes starting on the same fresh PostgreSQL database from running the first run
/// at once (the second would take the first's work for a cut-off run and undo it): a session
/// advisory lock, released by <see cref="DisposeAsync"/> or, if the process dies, by the server
/// when the session ends. SQLite is one node's file: no lock.
/// </summary>
public sealed class SetupLock : IAsyncDisposable
{
    // Any fixed number, the same on every node: "Portal.Orchard first run".
    private const long Key = 0x504F5254_414C3031;

    private readonly NpgsqlConnection? _connection;

    private SetupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<SetupLock> AcquireAsync(DatabaseOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != DatabaseProvider.PostgreSql)
        {
            return new SetupLock(null);
        }

        // A connection of its own, not pooled, so the session (and the lock) ends when it closes.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new SetupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
