using Microsoft.Extensions.Hosting;

namespace Portal.Core;

/// <summary>Where the portal keeps its local data (SQLite file, data-protection keys, media, dev PostgreSQL).</summary>
public static class PortalPaths
{
    /// <summary>The solution file that marks a source checkout.</summary>
    public const string SolutionFile = "Portal.Orchard.sln";

    /// <summary>
    /// <c>App_Data/</c> at the repository root when run from source (<c>dotnet run --project
    /// src/Portal.Web</c> makes <c>src/Portal.Web</c> the content root), so the SQLite file, the keys, the
    /// media and <c>scripts/postgres-dev.sh</c>'s cluster share one folder; else <c>App_Data/</c> under the
    /// content root (a published application).
    /// </summary>
    public static string DataFolder(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var repository = Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", ".."));
        var root = File.Exists(Path.Combine(repository, SolutionFile)) ? repository : environment.ContentRootPath;
        return Path.Combine(root, "App_Data");
    }
}
