using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Core.Settings;

/// <summary>
/// Reads and writes the current tenant's settings sections. A section read is one indexed row,
/// then served from memory: evicted at once on this node when saved, and re-read by other nodes
/// after <see cref="TenantSettingsOptions.CacheDuration"/> until the multi-node change channel
/// exists.
/// </summary>
public sealed class TenantSettingsStore(
    PortalDbContext db,
    ICurrentTenant currentTenant,
    TenantSettingsSections sections,
    IMemoryCache cache,
    IAuditLog auditLog,
    IActorAccessor actor,
    TimeProvider clock,
    IOptions<TenantSettingsOptions> options,
    IEnumerable<ITenantSettingsChangeSink> sinks) : ITenantSettings
{
    public const string UpdatedAction = "settings.update";

    public async ValueTask<T> GetAsync<T>(CancellationToken cancellationToken = default) where T : class, ITenantSettingsSection, new() =>
        (T)await GetAsync(sections.Get(typeof(T)), cancellationToken).ConfigureAwait(false);

    public Task<SettingsSaveResult> SaveAsync<T>(T value, CancellationToken cancellationToken = default) where T : class, ITenantSettingsSection, new() =>
        SaveAsync(sections.Get(typeof(T)), value, cancellationToken);

    /// <summary>The section by descriptor, for pages and steps that know it only at run time.</summary>
    public async ValueTask<object> GetAsync(TenantSettingsSectionDescriptor section, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(section);
        var key = CacheKey(section);
        if (cache.TryGetValue(key, out var cached) && cached is not null)
        {
            return cached;
        }

        var json = await db.Set<TenantSettingRecord>().AsNoTracking()
            .Where(s => s.Section == section.Name)
            .Select(s => s.Json)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var value = json is null ? section.CreateDefaults() : section.Deserialize(json);
        cache.Set(key, value, options.Value.CacheDuration);
        return value;
    }

    /// <summary>The saved JSON of a section, or null when the tenant never saved it (for merging recipe values over it).</summary>
    public Task<string?> GetStoredJsonAsync(TenantSettingsSectionDescriptor section, CancellationToken cancellationToken = default) =>
        db.Set<TenantSettingRecord>().AsNoTracking().Where(s => s.Section == section.Name).Select(s => s.Json).FirstOrDefaultAsync(cancellationToken);

    public async Task<SettingsSaveResult> SaveAsync(TenantSettingsSectionDescriptor section, object value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(value);
        if (!section.Type.IsInstanceOfType(value))
        {
            throw new ArgumentException($"Expected a {section.Type.Name}.", nameof(value));
        }

        var errors = SettingsValidation.Validate(value);
        if (errors.Count > 0)
        {
            return new SettingsSaveResult(errors);
        }

        var json = section.Serialize(value);
        var record = await db.Set<TenantSettingRecord>().FirstOrDefaultAsync(s => s.Section == section.Name, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            record = new TenantSettingRecord { Section = section.Name };
            db.Add(record);
        }
        else if (record.Json == json)
        {
            return SettingsSaveResult.Saved;
        }

        record.Json = json;
        record.ModifiedUtc = clock.GetUtcNow();
        record.ModifiedBy = actor.Actor;
        auditLog.Add(UpdatedAction, section.Name, json);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        cache.Remove(CacheKey(section));
        foreach (var sink in sinks)
        {
            await sink.SavedAsync(currentTenant.Tenant!.Id, section.Name, CancellationToken.None).ConfigureAwait(false);
        }

        return SettingsSaveResult.Saved;
    }

    private (string, string, string) CacheKey(TenantSettingsSectionDescriptor section) =>
        ("tenant-settings", currentTenant.Tenant?.Id ?? throw new InvalidOperationException("Settings are read for a tenant; none is current."), section.Name);
}

/// <summary>
/// Hears that a tenant's settings section was saved (after the save): e.g. the public site evicts
/// the tenant's cached pages when its <c>site</c> section changes. Register with <c>TryAddEnumerable</c>.
/// </summary>
public interface ITenantSettingsChangeSink
{
    Task SavedAsync(string tenantId, string section, CancellationToken cancellationToken);
}

/// <summary><c>Portal:Settings</c>.</summary>
public sealed class TenantSettingsOptions
{
    public const string Section = "Portal:Settings";

    /// <summary>How long a node serves a section from memory before reading it again (another node may have saved it).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
