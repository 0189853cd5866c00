using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Core.Tenancy;
using Portal.Modules.Media.Data;
using Portal.Modules.Media.Services;
using Portal.Testing;

namespace Portal.Modules.Media.Tests;

/// <summary>
/// The real container of the platform with the Media module over an in-memory SQLite
/// database, storing files in a temp folder of its own; one per test.
/// </summary>
internal sealed class MediaTestHost : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database;

    public MediaTestHost(long maxFileBytes = 20 * 1024 * 1024)
    {
        Storage = new LocalDiskMediaStorage(Directory.CreateTempSubdirectory("portal-media-test-").FullName);
        Services = ModuleTestServices.Build(new MediaModule(), out _database, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IMediaStorage>(Storage));
            services.Configure<MediaOptions>(o => o.MaxFileBytes = maxFileBytes);
        });
    }

    public ServiceProvider Services { get; }

    public LocalDiskMediaStorage Storage { get; }

    public MediaOptions Options => Services.GetRequiredService<IOptions<MediaOptions>>().Value;

    public static TenantDescriptor NewTenant(string name) => SqliteTestDatabase.NewTenant(name);

    public AsyncServiceScope Scope(TenantDescriptor tenant) =>
        Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);

    public async Task<T> InTenantAsync<T>(TenantDescriptor tenant, Func<IMediaLibrary, IServiceProvider, Task<T>> work)
    {
        await using var scope = Scope(tenant);
        return await work(scope.ServiceProvider.GetRequiredService<IMediaLibrary>(), scope.ServiceProvider);
    }

    public Task<MediaResult<Models.MediaItem>> UploadAsync(TenantDescriptor tenant, string fileName, byte[] content, long folderId = 0, string? alt = null) =>
        InTenantAsync(tenant, (library, _) => library.UploadAsync(new MediaUpload(fileName, new MemoryStream(content), content.LongLength, folderId, alt)));

    /// <summary>Every file under the tenant's storage folder.</summary>
    public IReadOnlyList<string> FilesOf(TenantDescriptor tenant)
    {
        var folder = Path.Combine(Storage.Root, tenant.Id);
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).ToList() : [];
    }

    public byte[] ReadFile(TenantDescriptor tenant, string fileName) => File.ReadAllBytes(Storage.PathOf(tenant.Id, fileName));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _database.Dispose();
        try
        {
            Directory.Delete(Storage.Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
