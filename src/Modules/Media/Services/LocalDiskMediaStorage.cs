using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core;

namespace Portal.Modules.Media.Services;

/// <summary>
/// Files on the local disk: <c>&lt;root&gt;/&lt;tenant id&gt;/&lt;generated name&gt;</c>, root
/// <c>media/</c> in the local data folder (<see cref="PortalPaths.DataFolder"/>) unless <c>Portal:Media:StoragePath</c> says
/// otherwise. Only one node can use it, unless the root is a shared file system.
/// </summary>
public sealed partial class LocalDiskMediaStorage : IMediaStorage
{
    public LocalDiskMediaStorage(IOptions<MediaOptions> options, IHostEnvironment environment)
    {
        Root = options.Value.StoragePath is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(PortalPaths.DataFolder(environment), "media");
    }

    public LocalDiskMediaStorage(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    public async Task SaveAsync(string tenantId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(tenantId, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside, then moved in: a reader never sees half a file.
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: false);
    }

    public Task<Stream?> OpenReadAsync(string tenantId, string fileName, CancellationToken cancellationToken = default)
    {
        var path = PathOf(tenantId, fileName);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string tenantId, string fileName, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(tenantId, fileName));
        return Task.CompletedTask;
    }

    /// <summary>The full path of a tenant's file; refuses anything but a tenant id and a generated name.</summary>
    public string PathOf(string tenantId, string fileName)
    {
        if (!TenantIdPattern().IsMatch(tenantId ?? ""))
        {
            throw new ArgumentException("Not a tenant id.", nameof(tenantId));
        }

        if (!MediaFileNames.IsGenerated(fileName))
        {
            throw new ArgumentException("Not a generated media file name.", nameof(fileName));
        }

        var path = Path.GetFullPath(Path.Combine(Root, tenantId!, fileName));
        // Belt and braces: the patterns above already allow no separator or dot-dot.
        if (!path.StartsWith(Path.Combine(Root, tenantId!) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Path escapes the tenant's folder.", nameof(fileName));
        }

        return path;
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TenantIdPattern();
}
