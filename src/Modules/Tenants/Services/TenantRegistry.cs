using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Models;

namespace Portal.Modules.Tenants.Services;

/// <summary>
/// All tenants' settings in memory, with the resolver built from them. Reloaded after every
/// change made here, and when another node's change moves the stored version (polled).
/// </summary>
public sealed partial class TenantRegistry(IServiceScopeFactory scopeFactory, ILogger<TenantRegistry> logger) : ITenantDirectory, IDisposable
{
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public TenantResolver Resolver => _snapshot.Resolver;
    public IReadOnlyCollection<TenantDescriptor> All => _snapshot.ById.Values;
    public bool IsLoaded => _snapshot.Stamp is not null;

    public TenantDescriptor? FindById(string id) => _snapshot.ById.GetValueOrDefault(id);

    public TenantDescriptor? FindByName(string name) => _snapshot.ByName.GetValueOrDefault(name);

    /// <summary>Reloads from the database when the stored stamp differs from the loaded one (or always when forced).</summary>
    public async Task ReloadAsync(bool force = true, CancellationToken cancellationToken = default)
    {
        await _reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var tenants = db.Set<TenantRecord>().AsNoTracking();
            var stamp = new RegistryStamp(
                await tenants.CountAsync(cancellationToken).ConfigureAwait(false),
                await tenants.MaxAsync(t => (long?)t.Version, cancellationToken).ConfigureAwait(false) ?? 0);
            if (!force && stamp == _snapshot.Stamp)
            {
                return;
            }

            var records = await tenants.ToListAsync(cancellationToken).ConfigureAwait(false);
            _snapshot = new Snapshot(records.Select(r => r.ToDescriptor()).ToList(), stamp);
            LogReloaded(logger, records.Count);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    public void Dispose() => _reloadLock.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant registry loaded {Count} tenants")]
    private static partial void LogReloaded(ILogger logger, int count);

    private sealed record RegistryStamp(int Count, long MaxVersion);

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([], null);

        public Snapshot(IReadOnlyList<TenantDescriptor> tenants, RegistryStamp? stamp)
        {
            Stamp = stamp;
            ById = tenants.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
            ByName = tenants.ToFrozenDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
            Resolver = new TenantResolver(tenants);
        }

        public RegistryStamp? Stamp { get; }
        public FrozenDictionary<string, TenantDescriptor> ById { get; }
        public FrozenDictionary<string, TenantDescriptor> ByName { get; }
        public TenantResolver Resolver { get; }
    }
}

public sealed class TenantRegistryOptions
{
    /// <summary>How often a node checks whether another node changed a tenant.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Polls the stored registry stamp so changes made on another node arrive here too.</summary>
public sealed partial class TenantRegistryRefresher(TenantRegistry registry, IOptions<TenantRegistryOptions> options, ILogger<TenantRegistryRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (!registry.IsLoaded)
            {
                continue;
            }

            try
            {
                await registry.ReloadAsync(force: false, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant registry refresh failed; keeping the loaded tenants")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
