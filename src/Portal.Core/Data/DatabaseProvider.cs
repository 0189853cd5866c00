namespace Portal.Core.Data;

/// <summary>The database engines the platform runs on; each has its own migrations.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
