using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Data;

namespace Portal.Modules.Contents.Services;

internal sealed partial class ContentManager(
    PortalDbContext db,
    ICurrentTenant currentTenant,
    IContentDefinitionStore definitions,
    ContentPartRegistry registry,
    ContentBodyProcessor body,
    IContentVersionDiff diff,
    IServiceProvider services,
    IAuditLog auditLog,
    IActorAccessor actor,
    TimeProvider clock,
    ILogger<ContentManager> logger) : IContentManager
{
    public const string CreateAction = "content.create";
    public const string UpdateAction = "content.update";
    public const string PublishAction = "content.publish";
    public const string UnpublishAction = "content.unpublish";
    public const string RemoveAction = "content.remove";
    public const string RestoreAction = "content.restore";
    public const string RestoreVersionAction = "content.restore-version";

    // Whether the running operation saved: only then are the context's changes accepted after commit.
    private bool _saved;

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

        var version = await InTransactionAsync(async events =>
        {
            // An item brought in with its original publication date (a recipe's demo news, an
            // import) keeps it: created, written and published then. Never a date in the future.
            var now = clock.GetUtcNow();
            var at = publish && item.PublishedUtc is { } given && given < now ? given : now;
            var version = NewVersion(item, number: 1, createdUtc: at, at);
            version.ContentType = type.Name;
            version.Alias = string.IsNullOrWhiteSpace(item.Alias) ? null : item.Alias;
            var handlers = HandlersFor(type);
            var context = new ContentContext(version, type, previous: null);
            foreach (var handler in handlers)
            {
                await handler.CreatingAsync(context, cancellationToken).ConfigureAwait(false);
            }

            await ValidateAsync(version, type, previous: null, handlers, cancellationToken).ConfigureAwait(false);
            auditLog.Add(CreateAction, version.ContentItemId, Describe(version));
            Items.Add(version);
            events.Add(Event(ContentEventKind.Created, version));
            if (publish)
            {
                await PublishVersionAsync(version, [version], type, handlers, events, cancellationToken, at).ConfigureAwait(false);
            }

            await WriteAsync(version.ContentItemId, type, [version], isNewItem: true, cancellationToken).ConfigureAwait(false);
            return version;
        }, cancellationToken).ConfigureAwait(false);
        return Detach(version);
    }

    public Task<ContentItem> SaveDraftAsync(ContentItem item, string? expectedLatestVersionId = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(item, publish: false, expectedLatestVersionId, cancellationToken);

    public Task<ContentItem> UpdateAsync(ContentItem item, bool publish, string? expectedLatestVersionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        EnsureCurrentTenant(item);
        return SaveVersionAsync(item, publish, expectedLatestVersionId, audit: null, cancellationToken);
    }

    public async Task<ContentItem> RestoreAsync(string contentItemId, string versionId, string? expectedLatestVersionId = null, CancellationToken cancellationToken = default)
    {
        var source = await Items.AsNoTracking()
            .FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.ContentItemVersionId == versionId, cancellationToken).ConfigureAwait(false)
            ?? throw new ContentNotFoundException(contentItemId, "Không tìm thấy phiên bản cần khôi phục.");
        return await SaveVersionAsync(source, publish: false, expectedLatestVersionId, (RestoreVersionAction, $"v{source.Number}"), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ContentItem> PublishAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var latest = await InTransactionAsync(async events =>
        {
            var current = await LoadCurrentAsync(contentItemId, cancellationToken).ConfigureAwait(false);
            var latest = RequireLatest(current, contentItemId);
            if (!latest.Published)
            {
                var type = await RequireTypeAsync(latest.ContentType, cancellationToken).ConfigureAwait(false);
                await PublishVersionAsync(latest, current, type, HandlersFor(type), events, cancellationToken).ConfigureAwait(false);
                await WriteAsync(contentItemId, type, current, isNewItem: false, cancellationToken).ConfigureAwait(false);
            }

            return latest;
        }, cancellationToken).ConfigureAwait(false);
        return Detach(latest);
    }

    public Task<bool> UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async events =>
        {
            var current = await LoadCurrentAsync(contentItemId, cancellationToken).ConfigureAwait(false);
            var published = current.FirstOrDefault(v => v.Published);
            if (published is null)
            {
                return false;
            }

            var type = await TypeOfAsync(published, cancellationToken).ConfigureAwait(false);
            ClearPublished(current);
            auditLog.Add(UnpublishAction, contentItemId, Describe(published));
            await RunAsync(type, h => h.UnpublishedAsync(new ContentContext(published, type, previous: null), cancellationToken)).ConfigureAwait(false);
            events.Add(Event(ContentEventKind.Unpublished, published));
            await WriteAsync(contentItemId, type, current, isNewItem: false, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<bool> RemoveAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async events =>
        {
            var current = await LoadCurrentAsync(contentItemId, cancellationToken).ConfigureAwait(false);
            if (current.Count == 0)
            {
                return false;
            }

            var newest = current.MaxBy(v => v.Number)!;
            var type = await TypeOfAsync(newest, cancellationToken).ConfigureAwait(false);
            foreach (var version in current)
            {
                version.Latest = false;
                version.Published = false;
            }

            auditLog.Add(RemoveAction, contentItemId, Describe(newest));
            await RunAsync(type, h => h.RemovedAsync(new ContentContext(newest, type, previous: null), cancellationToken)).ConfigureAwait(false);
            events.Add(Event(ContentEventKind.Removed, newest));
            await WriteAsync(contentItemId, type, current, isNewItem: false, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public async Task<ContentItem?> RestoreRemovedAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var restored = await InTransactionAsync(async events =>
        {
            if (await Items.AnyAsync(x => x.ContentItemId == contentItemId && (x.Latest || x.Published), cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var newest = await Items.Where(x => x.ContentItemId == contentItemId).OrderByDescending(x => x.Number)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (newest is null)
            {
                return null;
            }

            if (newest.Alias is { } alias && await Items.AnyAsync(x => x.Alias == alias && x.Latest, cancellationToken).ConfigureAwait(false))
            {
                throw new ContentConflictException(
                    $"Cannot restore content item '{contentItemId}': alias '{alias}' is used by another item.",
                    $"Không thể khôi phục: bí danh “{alias}” đã được một nội dung khác sử dụng.");
            }

            var type = await TypeOfAsync(newest, cancellationToken).ConfigureAwait(false);
            newest.Latest = true;
            auditLog.Add(RestoreAction, contentItemId, Describe(newest));
            await RunAsync(type, h => h.RestoredAsync(new ContentContext(newest, type, previous: null), cancellationToken)).ConfigureAwait(false);
            events.Add(Event(ContentEventKind.Restored, newest));
            await WriteAsync(contentItemId, type, [newest], isNewItem: false, cancellationToken).ConfigureAwait(false);
            return newest;
        }, cancellationToken).ConfigureAwait(false);
        return restored is null ? null : Detach(restored);
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

    // `== EF.Parameter(true)` makes EF write `"Latest" = @p` instead of the bare column: SQLite's
    // planner cannot use a bare boolean term in an index, and then read every version of the
    // tenant for a list of one type (a home page of a site with 10,000 items took 26 ms of CPU).
    public IQueryable<ContentItem> QueryLatest(string? contentType = null) =>
        OfType(Items.AsNoTracking().Where(x => x.Latest == EF.Parameter(true)), contentType);

    public IQueryable<ContentItem> QueryPublished(string? contentType = null) =>
        OfType(Items.AsNoTracking().Where(x => x.Published == EF.Parameter(true)), contentType);


    public IQueryable<ContentItem> QueryRemoved(string? contentType = null)
    {
        var all = Items.AsNoTracking();
        return OfType(all.Where(x =>
            !all.Any(y => y.ContentItemId == x.ContentItemId && (y.Latest || y.Published)) &&
            x.Number == all.Where(y => y.ContentItemId == x.ContentItemId).Max(y => y.Number)), contentType);
    }

    private static IQueryable<ContentItem> OfType(IQueryable<ContentItem> items, string? contentType) =>
        contentType is null ? items : items.Where(x => x.ContentType == contentType);

    /// <summary>Adds a version copied from <paramref name="item"/>: Updating, validation, Validating, then (when publishing) Publishing and Published.</summary>
    private async Task<ContentItem> SaveVersionAsync(
        ContentItem item, bool publish, string? expectedLatestVersionId, (string Action, string Details)? audit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Copy first: the caller may hand us a tracked row it has edited, which must not be written.
        var version = NewVersion(item, number: 0, createdUtc: now, now);
        RevertIfTracked(item);
        try
        {
            var saved = await InTransactionAsync(async events =>
            {
                var current = await LoadCurrentAsync(item.ContentItemId, cancellationToken).ConfigureAwait(false);
                var latest = RequireLatest(current, item.ContentItemId);
                var type = await RequireTypeAsync(latest.ContentType, cancellationToken).ConfigureAwait(false);
                if (expectedLatestVersionId is not null && expectedLatestVersionId != latest.ContentItemVersionId)
                {
                    throw await ConcurrentEditAsync(latest, type, expectedLatestVersionId, cancellationToken).ConfigureAwait(false);
                }

                version.Number = await Items.Where(x => x.ContentItemId == item.ContentItemId)
                    .MaxAsync(x => x.Number, cancellationToken).ConfigureAwait(false) + 1;
                version.ContentType = latest.ContentType;
                version.Alias = latest.Alias;
                version.CreatedUtc = latest.CreatedUtc;
                var handlers = HandlersFor(type);
                var context = new ContentContext(version, type, latest);
                foreach (var handler in handlers)
                {
                    await handler.UpdatingAsync(context, cancellationToken).ConfigureAwait(false);
                }

                await ValidateAsync(version, type, latest, handlers, cancellationToken).ConfigureAwait(false);
                // In the version's own transaction: no version without its entry, and one commit per save.
                auditLog.Add(
                    audit?.Action ?? UpdateAction,
                    version.ContentItemId,
                    audit is { } entry ? $"{entry.Details} -> {Describe(version)}" : Describe(version));

                latest.Latest = false;
                Items.Add(version);
                current.Add(version);
                events.Add(Event(ContentEventKind.Updated, version));
                if (publish)
                {
                    await PublishVersionAsync(version, current, type, handlers, events, cancellationToken).ConfigureAwait(false);
                }

                await WriteAsync(version.ContentItemId, type, current, isNewItem: false, cancellationToken).ConfigureAwait(false);
                return version;
            }, cancellationToken).ConfigureAwait(false);
            return Detach(saved);
        }
        catch (DbUpdateException) when (expectedLatestVersionId is not null)
        {
            // Two saves of the same version raced past the check: the unique version number stopped
            // the second one. Report it as the concurrent edit it is.
            var latest = await Items.AsNoTracking().FirstOrDefaultAsync(x => x.ContentItemId == item.ContentItemId && x.Latest, cancellationToken).ConfigureAwait(false);
            if (latest is null || latest.ContentItemVersionId == expectedLatestVersionId)
            {
                throw;
            }

            throw await ConcurrentEditAsync(latest, await TypeOfAsync(latest, cancellationToken).ConfigureAwait(false), expectedLatestVersionId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ContentConcurrencyException> ConcurrentEditAsync(
        ContentItem latest, ContentTypeDefinition type, string expectedLatestVersionId, CancellationToken cancellationToken)
    {
        var started = await Items.AsNoTracking()
            .FirstOrDefaultAsync(x => x.ContentItemId == latest.ContentItemId && x.ContentItemVersionId == expectedLatestVersionId, cancellationToken)
            .ConfigureAwait(false);
        var since = await Items.AsNoTracking()
            .Where(x => x.ContentItemId == latest.ContentItemId && x.Number > (started == null ? 0 : started.Number))
            .OrderByDescending(x => x.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var changes = started is null ? [] : diff.Compare(started, latest, type);
        return new ContentConcurrencyException(latest.ContentItemId, expectedLatestVersionId, latest.Copy(), since, changes);
    }

    /// <summary>Body prepared by the type's metadata (sanitised, field values checked), then the Validating handlers; refuses on any error.</summary>
    private async Task ValidateAsync(ContentItem version, ContentTypeDefinition type, ContentItem? previous, IReadOnlyList<IContentHandler> handlers, CancellationToken cancellationToken)
    {
        var errors = body.Prepare(type, version.Data).ToList();
        var context = new ValidateContentContext(version, type, previous, errors);
        foreach (var handler in handlers)
        {
            await handler.ValidatingAsync(context, cancellationToken).ConfigureAwait(false);
        }

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
    }

    /// <summary>Publishing handlers (any may refuse), then the flags, then the Published handlers.</summary>
    private async Task PublishVersionAsync(
        ContentItem version, IReadOnlyList<ContentItem> current, ContentTypeDefinition type, IReadOnlyList<IContentHandler> handlers,
        List<ContentEvent> events, CancellationToken cancellationToken, DateTimeOffset? publishedUtc = null)
    {
        var previous = current.FirstOrDefault(v => v.Published && !ReferenceEquals(v, version));
        var publishing = new PublishContentContext(version, type, previous);
        foreach (var handler in handlers)
        {
            await handler.PublishingAsync(publishing, cancellationToken).ConfigureAwait(false);
            if (publishing.IsRefused)
            {
                throw new ContentPublishRefusedException(version.ContentItemId, publishing.RefusalReason!);
            }
        }

        ClearPublished(current);
        version.Published = true;
        version.PublishedUtc = publishedUtc ?? clock.GetUtcNow();
        auditLog.Add(PublishAction, version.ContentItemId, Describe(version));
        var published = new ContentContext(version, type, previous);
        foreach (var handler in handlers)
        {
            await handler.PublishedAsync(published, cancellationToken).ConfigureAwait(false);
        }

        events.Add(Event(ContentEventKind.Published, version));
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction. On any failure the transaction rolls back and
    /// the context forgets what the work added or changed (an audit entry included), so nothing is
    /// saved later by accident; on success the events go to the sinks after commit.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<List<ContentEvent>, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                "The content manager runs its own transaction and cannot join another one; react to content changes in a handler or an event sink instead.");
        }

        var pendingBefore = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged)
            .Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        var events = new List<ContentEvent>();
        _saved = false;
        T result;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                result = await work(events).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Forget(pendingBefore);
                throw;
            }
        }

        if (_saved)
        {
            db.ChangeTracker.AcceptAllChanges();
        }

        await RaiseAsync(events).ConfigureAwait(false);
        return result;
    }

    private void Forget(HashSet<object> pendingBefore)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => !pendingBefore.Contains(e.Entity)).ToList())
        {
            if (entry.State == EntityState.Added)
            {
                entry.State = EntityState.Detached;
            }
            else if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                entry.CurrentValues.SetValues(entry.OriginalValues);
                entry.State = EntityState.Unchanged;
            }
        }
    }

    // After commit: the save stands whatever a sink does, and a cancelled request still evicts caches.
    private async Task RaiseAsync(List<ContentEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        foreach (var sink in services.GetServices<IContentEventSink>())
        {
            foreach (var contentEvent in events)
            {
                try
                {
                    await sink.HandleAsync(contentEvent, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    LogSinkFailed(logger, e, sink.GetType().Name, contentEvent.Kind, contentEvent.ContentItemId);
                }
            }
        }
    }

    /// <summary>
    /// Rewrites the index tables of every item and of the type's parts from the item's versions
    /// whose flags may have changed (its current ones, and the newest), then saves all in one SaveChanges.
    /// </summary>
    private async Task WriteAsync(string contentItemId, ContentTypeDefinition type, IEnumerable<ContentItem> versions, bool isNewItem, CancellationToken cancellationToken)
    {
        var all = versions.ToList();
        var item = new ContentIndexContext(contentItemId, all.Find(v => v.Latest), all.Find(v => v.Published), all.MaxBy(v => v.Number));
        // A type that no longer exists: rewrite every table, its parts are unknown.
        var indexes = type.Id == 0 ? registry.AllIndexes : registry.IndexesFor(type);
        foreach (var table in indexes.GroupBy(i => i.Table))
        {
            var providers = table.Select(i => (IContentIndexProvider)services.GetRequiredService(i.ProviderType));
            await table.Key.ReplaceAsync(db, item, isNewItem, providers, cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken).ConfigureAwait(false);
        _saved = true;
    }

    /// <summary>Handlers bound to none of the type's parts are skipped; order is registration order, each handler once.</summary>
    private List<IContentHandler> HandlersFor(ContentTypeDefinition type) =>
        registry.Handlers
            .Where(h => h.Part is null || type.HasPart(h.Part))
            .Select(h => h.HandlerType)
            .Distinct()
            .Select(t => (IContentHandler)services.GetRequiredService(t))
            .ToList();

    private async Task RunAsync(ContentTypeDefinition type, Func<IContentHandler, Task> call)
    {
        foreach (var handler in HandlersFor(type))
        {
            await call(handler).ConfigureAwait(false);
        }
    }

    private async Task<ContentTypeDefinition> RequireTypeAsync(string contentType, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(contentType)
            ? throw new UnknownContentTypeException(contentType)
            : await definitions.GetAsync(contentType, cancellationToken).ConfigureAwait(false)
              ?? throw new UnknownContentTypeException(contentType);

    // Unpublishing, removing and restoring must work for an item whose type was deleted since.
    private async Task<ContentTypeDefinition> TypeOfAsync(ContentItem item, CancellationToken cancellationToken) =>
        await definitions.GetAsync(item.ContentType, cancellationToken).ConfigureAwait(false)
        ?? new ContentTypeDefinition { Name = item.ContentType, DisplayName = item.ContentType };

    // The versions whose flags may change: at most the latest and the published one.
    private Task<List<ContentItem>> LoadCurrentAsync(string contentItemId, CancellationToken cancellationToken) =>
        Items.Where(x => x.ContentItemId == contentItemId && (x.Latest || x.Published)).ToListAsync(cancellationToken);

    private static ContentItem RequireLatest(IEnumerable<ContentItem> current, string contentItemId) =>
        current.FirstOrDefault(v => v.Latest)
        ?? throw new ContentNotFoundException(contentItemId, "Nội dung không tồn tại hoặc đã bị xoá.");

    private ContentItem NewVersion(ContentItem source, int number, DateTimeOffset createdUtc, DateTimeOffset now) => new()
    {
        ContentItemId = source.ContentItemId,
        ContentItemVersionId = ContentItem.NewId(),
        ContentType = source.ContentType,
        DisplayText = source.DisplayText,
        Culture = source.Culture,
        Data = JsonColumn.Clone(source.Data),
        // Kept as given, so the data layer's tenant check is a second lock behind EnsureCurrentTenant.
        TenantId = source.TenantId,
        Latest = true,
        Author = actor.Actor,
        CreatedUtc = createdUtc,
        ModifiedUtc = now,
        Number = number,
    };

    private static void ClearPublished(IEnumerable<ContentItem> versions)
    {
        foreach (var version in versions)
        {
            version.Published = false;
        }
    }

    private ContentEvent Event(ContentEventKind kind, ContentItem version) =>
        new(kind, db.CurrentTenantId!, version.ContentItemId, version.ContentItemVersionId, version.ContentType, version.Alias, clock.GetUtcNow());

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Content event sink {Sink} failed on {Kind} of item {ContentItemId}; the change stands.")]
    private static partial void LogSinkFailed(ILogger logger, Exception exception, string sink, ContentEventKind kind, string contentItemId);
}
