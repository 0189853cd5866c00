using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Data;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Services;

public sealed class ContentManager(
    PortalDbContext db,
    ICurrentTenant currentTenant,
    IContentDefinitionStore definitions,
    IEnumerable<IContentIndexProvider> indexProviders,
    IHtmlSanitizerService sanitizer,
    IAuditLog auditLog,
    IActorAccessor actor,
    TimeProvider clock) : IContentManager
{
    public const string CreateAction = "content.create";
    public const string PublishAction = "content.publish";
    public const string UnpublishAction = "content.unpublish";
    public const string RemoveAction = "content.remove";

    private readonly IReadOnlyList<IContentIndexProvider> _indexProviders = indexProviders.ToList();

    private DbSet<ContentItem> Items => db.Set<ContentItem>();

    public async Task<ContentItem> NewAsync(string contentType, CancellationToken cancellationToken = default)
    {
        var type = await RequireTypeAsync(contentType, cancellationToken).ConfigureAwait(false);
        var item = new ContentItem
        {
            ContentItemId = ContentItem.NewId(),
            ContentType = type.Name,
            Culture = currentTenant.Tenant is { Cultures.Count: > 0 } tenant ? tenant.Cultures[0] : "vi",
        };
        foreach (var part in type.Parts)
        {
            item.Data[part] = new System.Text.Json.Nodes.JsonObject();
        }

        return item;
    }

    public async Task<ContentItem> CreateAsync(ContentItem item, bool publish, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        EnsureCurrentTenant(item);
        var type = await RequireTypeAsync(item.ContentType, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(item.ContentItemId))
        {
            item.ContentItemId = ContentItem.NewId();
        }
        else if (await Items.AnyAsync(x => x.ContentItemId == item.ContentItemId, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Content item '{item.ContentItemId}' already exists; save a new version with UpdateAsync.");
        }

        var now = clock.GetUtcNow();
        var version = NewVersion(item, number: 1, createdUtc: now, now);
        version.ContentType = type.Name;
        version.Alias = string.IsNullOrWhiteSpace(item.Alias) ? null : item.Alias;
        auditLog.Add(CreateAction, version.ContentItemId, Describe(version));
        if (publish)
        {
            MarkPublished(version, now);
        }

        Items.Add(version);
        await SaveAsync(version.ContentItemId, [version], cancellationToken).ConfigureAwait(false);
        return Detach(version);
    }

    public Task<ContentItem> SaveDraftAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        UpdateAsync(item, publish: false, cancellationToken);

    public async Task<ContentItem> UpdateAsync(ContentItem item, bool publish, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        EnsureCurrentTenant(item);
        var now = clock.GetUtcNow();
        // Copy first: the caller may hand us a tracked row it has edited, which must not be written.
        var version = NewVersion(item, number: 0, createdUtc: now, now);
        RevertIfTracked(item);

        var current = await LoadCurrentAsync(item.ContentItemId, cancellationToken).ConfigureAwait(false);
        var latest = RequireLatest(current, item.ContentItemId);
        version.Number = await Items.Where(x => x.ContentItemId == item.ContentItemId)
            .MaxAsync(x => x.Number, cancellationToken).ConfigureAwait(false) + 1;
        version.ContentType = latest.ContentType;
        version.Alias = latest.Alias;
        version.CreatedUtc = latest.CreatedUtc;
        latest.Latest = false;
        if (publish)
        {
            ClearPublished(current);
            MarkPublished(version, now);
        }

        Items.Add(version);
        current.Add(version);
        await SaveAsync(version.ContentItemId, current, cancellationToken).ConfigureAwait(false);
        return Detach(version);
    }

    public async Task<ContentItem> PublishAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var current = await LoadCurrentAsync(contentItemId, cancellationToken).ConfigureAwait(false);
        var latest = RequireLatest(current, contentItemId);
        if (!latest.Published)
        {
            ClearPublished(current);
            MarkPublished(latest, clock.GetUtcNow());
            await SaveAsync(contentItemId, current, cancellationToken).ConfigureAwait(false);
        }

        return Detach(latest);
    }

    public async Task<bool> UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var current = await LoadCurrentAsync(contentItemId, cancellationToken).ConfigureAwait(false);
        var published = current.FirstOrDefault(v => v.Published);
        if (published is null)
        {
            return false;
        }

        ClearPublished(current);
        auditLog.Add(UnpublishAction, contentItemId, Describe(published));
        await SaveAsync(contentItemId, current, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<bool> RemoveAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var current = await LoadCurrentAsync(contentItemId, cancellationToken).ConfigureAwait(false);
        if (current.Count == 0)
        {
            return false;
        }

        foreach (var version in current)
        {
            version.Latest = false;
            version.Published = false;
        }

        auditLog.Add(RemoveAction, contentItemId, Describe(current.MaxBy(v => v.Number)!));
        await SaveAsync(contentItemId, current, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<ContentItem?> RestoreAsync(string contentItemId, int? versionNumber, CancellationToken cancellationToken = default)
    {
        var versions = await Items.Where(x => x.ContentItemId == contentItemId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var latest = versions.FirstOrDefault(v => v.Latest);
        var source = versionNumber is { } number ? versions.FirstOrDefault(v => v.Number == number) : versions.MaxBy(v => v.Number);
        if (source is null || (versionNumber is null && latest is not null))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var version = NewVersion(source, number: versions.Max(v => v.Number) + 1, createdUtc: versions.Min(v => v.CreatedUtc), now);
        version.ContentType = source.ContentType;
        version.Alias = source.Alias;
        if (latest is not null)
        {
            latest.Latest = false;
        }

        Items.Add(version);
        versions.Add(version);
        await SaveAsync(contentItemId, versions, cancellationToken).ConfigureAwait(false);
        return Detach(version);
    }

    public Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var versions = Items.AsNoTracking().Where(x => x.ContentItemId == contentItemId);
        versions = options.Kind switch
        {
            VersionKind.Latest => versions.Where(x => x.Latest),
            VersionKind.Published => versions.Where(x => x.Published),
            _ => versions.Where(x => x.Number == options.Number),
        };
        return versions.FirstOrDefaultAsync(cancellationToken);
    }

    public Task<ContentItem?> GetByAliasAsync(string alias, CancellationToken cancellationToken = default) =>
        Items.AsNoTracking().FirstOrDefaultAsync(x => x.Alias == alias && x.Latest, cancellationToken);

    public async Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await Items.AsNoTracking()
            .Where(x => x.ContentItemId == contentItemId)
            .OrderByDescending(x => x.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public IQueryable<ContentItem> QueryLatest(string? contentType = null) =>
        OfType(Items.AsNoTracking().Where(x => x.Latest), contentType);

    public IQueryable<ContentItem> QueryPublished(string? contentType = null) =>
        OfType(Items.AsNoTracking().Where(x => x.Published), contentType);

    private static IQueryable<ContentItem> OfType(IQueryable<ContentItem> items, string? contentType) =>
        contentType is null ? items : items.Where(x => x.ContentType == contentType);

    private async Task<ContentTypeDefinition> RequireTypeAsync(string contentType, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(contentType)
            ? throw new UnknownContentTypeException(contentType)
            : await definitions.GetAsync(contentType, cancellationToken).ConfigureAwait(false)
              ?? throw new UnknownContentTypeException(contentType);

    // The versions whose flags may change: at most the latest and the published one.
    private Task<List<ContentItem>> LoadCurrentAsync(string contentItemId, CancellationToken cancellationToken) =>
        Items.Where(x => x.ContentItemId == contentItemId && (x.Latest || x.Published)).ToListAsync(cancellationToken);

    private static ContentItem RequireLatest(IEnumerable<ContentItem> current, string contentItemId) =>
        current.FirstOrDefault(v => v.Latest)
        ?? throw new InvalidOperationException($"Content item '{contentItemId}' does not exist or was removed.");

    private ContentItem NewVersion(ContentItem source, int number, DateTimeOffset createdUtc, DateTimeOffset now) => new()
    {
        ContentItemId = source.ContentItemId,
        ContentItemVersionId = ContentItem.NewId(),
        ContentType = source.ContentType,
        DisplayText = source.DisplayText,
        Culture = source.Culture,
        Data = sanitizer.SanitizeRichText(JsonColumn.Clone(source.Data)),
        // Kept as given, so the data layer's tenant check is a second lock behind EnsureCurrentTenant.
        TenantId = source.TenantId,
        Latest = true,
        Author = actor.Actor,
        CreatedUtc = createdUtc,
        ModifiedUtc = now,
        Number = number,
    };

    private void MarkPublished(ContentItem version, DateTimeOffset now)
    {
        version.Published = true;
        version.PublishedUtc = now;
        auditLog.Add(PublishAction, version.ContentItemId, Describe(version));
    }

    private static void ClearPublished(IEnumerable<ContentItem> versions)
    {
        foreach (var version in versions)
        {
            version.Published = false;
        }
    }

    /// <summary>Rewrites every index table from the item's current versions, then saves all in one SaveChanges.</summary>
    private async Task SaveAsync(string contentItemId, IEnumerable<ContentItem> versions, CancellationToken cancellationToken)
    {
        var current = versions.Where(v => v.Latest || v.Published).ToList();
        foreach (var provider in _indexProviders)
        {
            await provider.ReplaceAsync(db, contentItemId, current, cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private void EnsureCurrentTenant(ContentItem item)
    {
        if (!string.IsNullOrEmpty(item.TenantId) && !string.Equals(item.TenantId, db.CurrentTenantId, StringComparison.Ordinal))
        {
            throw new TenantDataException(
                $"Refused to save content item '{item.ContentItemId}' of tenant '{item.TenantId}' while tenant '{db.CurrentTenantId}' is current.");
        }
    }

    private void RevertIfTracked(ContentItem item)
    {
        var entry = db.Entry(item);
        if (entry.State is EntityState.Modified or EntityState.Unchanged)
        {
            entry.CurrentValues.SetValues(entry.OriginalValues);
        }
    }

    private ContentItem Detach(ContentItem version)
    {
        db.Entry(version).State = EntityState.Detached;
        return version;
    }

    private static string Describe(ContentItem version) => $"{version.ContentType} v{version.Number}: {version.DisplayText}";
}
