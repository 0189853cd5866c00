using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Testing;

namespace Portal.Integration.Tests;

/// <summary>A database of its own for one app: its settings, and a raw look at its tables that no tenant filter hides.</summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>The <c>Portal:Database:*</c> settings that point the app at this database.</summary>
    public abstract IDictionary<string, string?> Settings();

    /// <summary>How many rows a table holds, read past every tenant filter and row-level security policy.</summary>
    public async Task<long> CountRowsAsync(string table)
    {
        await using var connection = OpenOwner();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A connection that has read the tenants in a transaction and holds it until disposed, as a
    /// server in the middle of a long read would. Without SQLite's WAL mode it would block every writer.
    /// </summary>
    public async Task<IAsyncDisposable> BeginLongReadAsync()
    {
        var connection = OpenOwner();
        await connection.OpenAsync();
        var transaction = await BeginReadAsync(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM \"Tenants\"";
        await command.ExecuteScalarAsync();
        return new LongRead(connection, transaction);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> past every guard of the audit trail, as someone holding the
    /// database's keys would: PostgreSQL as the superuser with triggers off for the session,
    /// SQLite with the audit triggers dropped for the transaction and put back.
    /// </summary>
    public abstract Task TamperAsync(string sql);

    protected abstract DbConnection OpenOwner();

    /// <summary>Makes <paramref name="target"/> (not created yet, same provider) a copy of this database.</summary>
    public abstract void CopyTo(TestDatabase target);

    /// <summary>Closes the pooled connections, so that nothing holds this database open while it is copied.</summary>
    public abstract void ReleaseConnections();

    protected async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var connection = OpenOwner();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    protected virtual async Task<DbTransaction> BeginReadAsync(DbConnection connection) => await connection.BeginTransactionAsync();

    private sealed class LongRead(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

public sealed class SqliteFileDatabase(string prefix) : TestDatabase
{
    private readonly TempSqliteFolder _folder = new(prefix);

    public override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Portal:Database:Provider"] = "Sqlite",
        ["Portal:Database:ConnectionString"] = _folder.ConnectionString,
    };

    protected override DbConnection OpenOwner() => new SqliteConnection(_folder.ConnectionString);

    public string FilePath => Path.Combine(_folder.FullName, "portal.db");

    public override void CopyTo(TestDatabase target)
    {
        var copy = (SqliteFileDatabase)target;
        File.Delete(copy.FilePath);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_folder.ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", copy.FilePath);
        command.ExecuteNonQuery();
    }

    public override void ReleaseConnections() => SqliteConnection.ClearAllPools();

    public override Task TamperAsync(string sql) =>
        ExecuteAsOwnerAsync(Portal.Core.Auditing.AuditTriggers.SqliteDrop + sql + ";" + Portal.Core.Auditing.AuditTriggers.SqliteCreate);

    // Deferred: a reader's lock, not the writer's lock an immediate transaction takes at once.
    protected override Task<DbTransaction> BeginReadAsync(DbConnection connection) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    protected override void Dispose(bool disposing) => _folder.Dispose();
}

/// <summary>A fresh database on the test command's cluster, used by the app as a non-owner role so row-level security applies.</summary>
public sealed class PostgresDatabase : TestDatabase
{
    public const string AppRole = "portal_app_test";
    public const string AppPassword = "portal_app_test_pw";

    private readonly string _database = "portal_it_" + Guid.NewGuid().ToString("N")[..12];
    private bool _created;

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");

    public string OwnerConnectionString => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = _database, Pooling = false }.ToString();

    // Created on first use, so a skipped class never needs PostgreSQL.
    private void EnsureCreated(string? template = null)
    {
        if (_created)
        {
            return;
        }

        using var connection = new NpgsqlConnection(AdminConnectionString ?? throw new InvalidOperationException("PORTAL_TEST_POSTGRES is not set: run ./test.sh, which starts PostgreSQL."));
        connection.Open();
        var from = template is null ? "" : $" TEMPLATE \"{template}\"";
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"{from} ENCODING 'UTF8'", connection);
        create.ExecuteNonQuery();
        _created = true;
    }

    public override void CopyTo(TestDatabase target)
    {
        var copy = (PostgresDatabase)target;
        if (copy._created)
        {
            throw new InvalidOperationException($"{copy._database} exists already: a copy is made before the app first reads its settings.");
        }

        copy.EnsureCreated(template: _database);
    }

    public override void ReleaseConnections() => NpgsqlConnection.ClearAllPools();

    public override IDictionary<string, string?> Settings()
    {
        EnsureCreated();
        return new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["Portal:Database:OwnerConnectionString"] = OwnerConnectionString,
            ["Portal:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(AdminConnectionString)
            {
                Database = _database,
                Username = AppRole,
                Password = AppPassword,
            }.ToString(),
        };
    }

    protected override DbConnection OpenOwner() => new NpgsqlConnection(OwnerConnectionString);

    public override Task TamperAsync(string sql) => ExecuteAsOwnerAsync("SET LOCAL session_replication_role = replica; " + sql);

    protected override void Dispose(bool disposing)
    {
        if (!_created)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
