using Microsoft.Data.Sqlite;

namespace Portal.Testing;

/// <summary>A temp folder for a test host's SQLite file (and its other files), deleted on dispose.</summary>
public sealed class TempSqliteFolder(string prefix) : IDisposable
{
    public string FullName { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string ConnectionString => $"Data Source={Path.Combine(FullName, "portal.db")};Default Timeout=30";

    public void Dispose()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(FullName, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
