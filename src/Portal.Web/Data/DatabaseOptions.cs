using Portal.Core.Data;

namespace Portal.Web.Data;

/// <summary>Settings under <c>Portal:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Portal:Database";

    /// <summary>Sqlite (embedded default) or PostgreSql.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite: a connection string or empty for <c>App_Data/portal.db</c>. PostgreSQL: the
    /// application's connection, as a role that does NOT own the tables (row-level security
    /// does not apply to owners and superusers).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL only: the owner's connection, used at start-up to migrate, create the
    /// application role (from <see cref="ConnectionString"/>'s user and password) and grant it
    /// rights. Empty: migrations are expected to have been applied by an operator.
    /// </summary>
    public string? OwnerConnectionString { get; set; }
}
