using System.Collections.Concurrent;
using Portal.Web.Hosting;

namespace Portal.Integration.Tests;

/// <summary>
/// One provisioned app per provider and test run: the first <see cref="PortalAppFactory"/> that
/// starts from the template makes it (an app of that provider runs the first-run setup, demo
/// sites included, then stops), and every such app copies its database (SQLite: VACUUM INTO;
/// PostgreSQL: CREATE DATABASE ... TEMPLATE), data-protection keys and media before it starts.
/// The copy then starts as a restarted server would: migrations and recipes find nothing to do.
/// </summary>
internal static class ProvisionedTemplates
{
    private static readonly ConcurrentDictionary<Type, Lazy<TemplateApp>> Templates = new();

    // PostgreSQL copies a template database only while nobody else is connected to it.
    private static readonly SemaphoreSlim CopyLock = new(1, 1);

    public static void CopyInto(PortalAppFactory app)
    {
        var template = Templates.GetOrAdd(app.Database.GetType(), static type => new Lazy<TemplateApp>(() => TemplateApp.Provision(type))).Value;
        CopyLock.Wait();
        try
        {
            template.Database.CopyTo(app.Database);
        }
        finally
        {
            CopyLock.Release();
        }

        CopyFolder(Path.Combine(template.Folder, "keys"), app.KeysFolder);
        CopyFolder(Path.Combine(template.Folder, "initial-passwords"), Path.Combine(app.KeysFolder, "initial-passwords"));
        CopyFolder(Path.Combine(template.Folder, "media"), app.MediaRoot);
    }

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>
    /// A database and a folder (keys, initial passwords, media) that the first-run setup filled:
    /// the app is built as Program builds it (<see cref="PortalHosts"/>, the factory's settings),
    /// initialised, and disposed, its connections closed. Kept until the test run ends.
    /// </summary>
    private sealed record TemplateApp(TestDatabase Database, string Folder)
    {
        public static TemplateApp Provision(Type databaseType)
        {
            TestDatabase database = databaseType == typeof(PostgresDatabase) ? new PostgresDatabase() : new SqliteFileDatabase("portal-it-template-");
            var folder = Directory.CreateTempSubdirectory("portal-it-template-files-").FullName;
            Task.Run(async () =>
            {
                await using var app = PortalHosts.Build(PortalHosts.Settings(database, folder));
                await app.InitializePortalAsync();
            }).GetAwaiter().GetResult();
            database.ReleaseConnections();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Forget(database, folder);
            return new TemplateApp(database, folder);
        }

        private static void Forget(TestDatabase database, string folder)
        {
            try
            {
                database.Dispose();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or Npgsql.NpgsqlException or InvalidOperationException)
            {
                // The test command drops its PostgreSQL cluster anyway; a temp folder left behind is harmless.
            }
        }
    }
}
