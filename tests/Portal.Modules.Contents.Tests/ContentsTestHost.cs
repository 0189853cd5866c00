using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Data;
using Portal.Modules.Contents.Services;
using Portal.Testing;

namespace Portal.Modules.Contents.Tests;

/// <summary>
/// The module wired as the host wires it (AddPortalPlatform + ContentsModule) over an in-memory
/// SQLite database, with a fixed clock and actor. One per test.
/// </summary>
internal sealed class ContentsTestHost : IDisposable
{
    public const string Editor = "bientapvien";

    private readonly ServiceProvider _services;

    public ContentsTestHost(Action<IServiceCollection>? configure = null)
    {
        _services = ModuleTestServices.Build(new ContentsModule(), out var database, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IActorAccessor>(new FixedActor(Editor));
            configure?.Invoke(services);
        });
        Database = database;
    }

    public SqliteTestDatabase Database { get; }

    public TestClock Clock { get; } = new();

    public IServiceProvider Services => _services;

    public static TenantDescriptor NewTenant(string name = "sotaichinh") => SqliteTestDatabase.NewTenant(name);

    /// <summary>A unit of work for the tenant, as a request or a recipe step gets one.</summary>
    public AsyncServiceScope Scope(TenantDescriptor tenant) =>
        _services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);

    public async Task<T> RunAsync<T>(TenantDescriptor tenant, Func<IContentManager, Task<T>> work)
    {
        await using var scope = Scope(tenant);
        return await work(scope.ServiceProvider.GetRequiredService<IContentManager>());
    }

    public Task DefineTypeAsync(TenantDescriptor tenant, string name, params string[] parts) =>
        DefineTypeAsync(tenant, name, parts, []);

    public async Task DefineTypeAsync(TenantDescriptor tenant, string name, IEnumerable<string> parts, IEnumerable<ContentFieldDefinition> fields)
    {
        await using var scope = Scope(tenant);
        await scope.ServiceProvider.GetRequiredService<IContentDefinitionStore>()
            .SaveAsync(name, name, ContentTypeDefinition.BuildSettings(parts, fields));
    }

    /// <summary>Creates an item of <paramref name="type"/> with the given display text and body.</summary>
    public Task<ContentItem> CreateAsync(TenantDescriptor tenant, string type, string title, JsonObject data, bool publish = false) =>
        RunAsync(tenant, async contents =>
        {
            var item = await contents.NewAsync(type);
            item.DisplayText = title;
            item.Data = data;
            return await contents.CreateAsync(item, publish);
        });

    /// <summary>Defines the type "Page" if needed and creates a page in the tenant.</summary>
    public async Task<ContentItem> CreatePageAsync(TenantDescriptor tenant, string title, string path, bool publish)
    {
        await DefineTypeAsync(tenant, "Page", nameof(TitlePart), nameof(BodyPart), nameof(RoutePart));
        return await RunAsync(tenant, async contents =>
        {
            var page = await contents.NewAsync("Page");
            page.DisplayText = title;
            page.Data = PageData(title, path);
            return await contents.CreateAsync(page, publish);
        });
    }

    /// <summary>Rows of <typeparamref name="T"/> the tenant sees, read through a fresh context.</summary>
    public List<T> Rows<T>(TenantDescriptor tenant) where T : class
    {
        using var db = Database.CreateContext(tenant);
        return db.Set<T>().AsNoTracking().ToList();
    }

    /// <summary>Every row of <typeparamref name="T"/> in the database, all tenants.</summary>
    public int CountAllTenants<T>() where T : class
    {
        using var db = Database.CreateContext(null);
        return db.Set<T>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).Count();
    }

    public static JsonObject PageData(string title, string path, string html = "<p>Nội dung</p>") => new()
    {
        [nameof(TitlePart)] = new JsonObject { [nameof(TitlePart.Title)] = title },
        [nameof(BodyPart)] = new JsonObject { [nameof(BodyPart.Html)] = html },
        [nameof(RoutePart)] = new JsonObject { [nameof(RoutePart.Path)] = path },
    };

    public void Dispose()
    {
        _services.Dispose();
        Database.Dispose();
    }

    private sealed class FixedActor(string actor) : IActorAccessor
    {
        public string Actor => actor;
    }
}

internal sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
