using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Data;
using Portal.Modules.Contents.Models;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Admin;

/// <summary>The result of saving the editor's form.</summary>
public sealed record SaveOutcome
{
    public ContentItem? Saved { get; init; }

    /// <summary>Messages by editor field key ("" for the form as a whole).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Errors { get; init; } = [];

    /// <summary>Someone saved a newer version since the editor opened theirs: this one, and what differs.</summary>
    public ContentItem? Conflict { get; init; }

    public IReadOnlyList<ContentChange> ConflictChanges { get; init; } = [];

    /// <summary>Tags and attributes the sanitiser removed from rich text, e.g. "&lt;script&gt;", "onclick".</summary>
    public IReadOnlyCollection<string> RemovedMarkup { get; init; } = [];
}

/// <summary>
/// What the content admin pages do with items, in one place: the calls into the content manager
/// (to be moved onto the lifecycle and concurrency API of the content core as it lands), the
/// editor's validation, optimistic concurrency, autosaves and the audit entries of the admin.
/// </summary>
public sealed class ContentAdmin(
    IContentManager manager,
    IContentDefinitionStore definitions,
    IHtmlSanitizerService sanitizer,
    IContentVersionDiff diff,
    PortalDbContext db,
    IAuditLog auditLog,
    IActorAccessor actor,
    TimeProvider clock,
    IContentPartRegistry parts,
    IServiceProvider services)
{
    /// <summary>The inputs of a type: its parts' editors' inputs and its fields.</summary>
    public IReadOnlyList<EditorField> FieldsOf(ContentTypeDefinition type) =>
        EditorField.For(type, part => parts.FindPart(part)?.EditorType is { } editor ? (IContentPartEditor)services.GetRequiredService(editor) : null);

    /// <summary>A new version saved (audited by the content manager, in the version's transaction).</summary>
    public const string UpdateAction = ContentManager.UpdateAction;
    public const string DeniedAction = "content.denied";

    public Task<ContentTypeDefinition?> TypeAsync(string name, CancellationToken cancellationToken) => definitions.GetAsync(name, cancellationToken);

    public Task<IReadOnlyList<ContentTypeDefinition>> TypesAsync(CancellationToken cancellationToken) => definitions.ListAsync(cancellationToken);

    public Task<ContentItem?> LatestAsync(string id, CancellationToken cancellationToken) =>
        manager.GetAsync(id, VersionOptions.Latest, cancellationToken);

    public Task<IReadOnlyList<ContentItem>> VersionsAsync(string id, CancellationToken cancellationToken) =>
        manager.GetVersionsAsync(id, cancellationToken);

    /// <summary>A new unsaved item of the type, for the create form.</summary>
    public Task<ContentItem> NewAsync(string type, CancellationToken cancellationToken) => manager.NewAsync(type, cancellationToken);

    /// <summary>
    /// Validates the form's values and saves them as a new version of <paramref name="latest"/>
    /// (or a new item of <paramref name="type"/> when it is null), published when asked. Refuses,
    /// saving nothing, when a value is invalid, a publishing handler refuses, or
    /// <paramref name="expectedVersionId"/> is no longer the latest version.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(
        ContentTypeDefinition type,
        ContentItem? latest,
        IReadOnlyDictionary<string, string?> values,
        string? expectedVersionId,
        bool publish,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(values);
        var fields = FieldsOf(type);
        var item = latest is null ? await manager.NewAsync(type.Name, cancellationToken).ConfigureAwait(false) : Copy(latest);
        var errors = new List<KeyValuePair<string, string>>();
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var text = values.GetValueOrDefault(field.Key);
            if (field.Kind == EditorKind.RichText && text is not null)
            {
                text = sanitizer.Sanitize(text, removed);
            }

            if (field.Write(item.Data, text) is { } error)
            {
                errors.Add(new(field.Key, error));
            }
        }

        item.DisplayText = DisplayTextOf(fields, item, type);
        if (publish && RoutePathOf(item) is { } path && await PathTakenAsync(path, item.ContentItemId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new("RoutePart.Path", $"Đường dẫn \"{path}\" đã được dùng cho một nội dung khác đang xuất bản."));
        }

        if (errors.Count > 0)
        {
            return new SaveOutcome { Errors = errors, RemovedMarkup = removed };
        }

        try
        {
            ContentItem saved;
            if (latest is null)
            {
                saved = await manager.CreateAsync(item, publish, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                saved = await manager.UpdateAsync(item, publish, expectedVersionId ?? "", cancellationToken).ConfigureAwait(false);
            }

            await DeleteAutosaveAsync(latest is null ? NewKey(type.Name) : item.ContentItemId, cancellationToken).ConfigureAwait(false);
            return new SaveOutcome { Saved = saved, RemovedMarkup = removed };
        }
        catch (ContentValidationException e)
        {
            return new SaveOutcome { Errors = [.. e.Errors.Select(x => new KeyValuePair<string, string>(KeyOf(fields, x.Path), x.Message))], RemovedMarkup = removed };
        }
        catch (ContentConcurrencyException e)
        {
            return new SaveOutcome { Conflict = e.Current, ConflictChanges = Relabel(fields, e.Changes), RemovedMarkup = removed };
        }
        catch (ContentOperationException e)
        {
            // Publishing refused by a handler, the item removed meanwhile, an alias taken...
            return new SaveOutcome { Errors = [new("", e.UserMessage)], RemovedMarkup = removed };
        }
    }

    public Task<ContentItem> PublishAsync(string id, CancellationToken cancellationToken) => manager.PublishAsync(id, cancellationToken);

    public Task<bool> UnpublishAsync(string id, CancellationToken cancellationToken) => manager.UnpublishAsync(id, cancellationToken);

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => manager.RemoveAsync(id, cancellationToken);

    /// <summary>Brings a removed item back as a draft of its newest version (audited by the manager).</summary>
    public Task<ContentItem?> RestoreRemovedAsync(string id, CancellationToken cancellationToken) =>
        manager.RestoreRemovedAsync(id, cancellationToken);

    /// <summary>Saves an old version's content as a new draft (the versions in between stay in the history; audited by the manager).</summary>
    public Task<ContentItem> RestoreVersionAsync(string id, string versionId, CancellationToken cancellationToken) =>
        manager.RestoreAsync(id, versionId, expectedLatestVersionId: null, cancellationToken);

    /// <summary>The differences between two versions, value by value, with word-level runs.</summary>
    public IReadOnlyList<ContentChange> Compare(ContentItem from, ContentItem to, ContentTypeDefinition? type) =>
        Relabel(type is null ? [] : FieldsOf(type), diff.Compare(from, to, type));

    /// <summary>
    /// Names each change as the editor's input is named ("Tiêu đề", "Tóm tắt"), and leaves out the
    /// display text when the title it is made from is listed.
    /// </summary>
    private static List<ContentChange> Relabel(IReadOnlyList<EditorField> fields, IReadOnlyList<ContentChange> changes)
    {
        var titled = changes.Any(c => c.Path.StartsWith("TitlePart", StringComparison.Ordinal));
        return changes
            .Where(c => !(titled && c.Path == nameof(ContentItem.DisplayText)))
            .Select(c => KeyOf(fields, c.Path) is { Length: > 0 } key ? c with { Label = fields.First(f => f.Key == key).Label } : c)
            .ToList();
    }

    /// <summary>Writes to the audit trail that the signed-in user was refused an action (403).</summary>
    public Task AuditDeniedAsync(string action, string? id, CancellationToken cancellationToken) =>
        auditLog.WriteAsync(DeniedAction, id, $"{action}: không có quyền", cancellationToken);

    public static string NewKey(string type) => "new:" + type;

    /// <summary>Keeps what the user typed (one row per user and item); not a version.</summary>
    public async Task SaveAutosaveAsync(string key, string? baseVersionId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        var user = actor.Actor;
        var row = await db.Set<ContentAutosave>().FirstOrDefaultAsync(a => a.UserName == user && a.Key == key, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new ContentAutosave { UserName = user, Key = key };
            db.Add(row);
        }

        row.BaseVersionId = baseVersionId;
        row.Values = JsonSerializer.Serialize(values, JsonColumn.Options);
        row.SavedUtc = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<ContentAutosave?> FindAutosaveAsync(string key, CancellationToken cancellationToken)
    {
        var user = actor.Actor;
        return db.Set<ContentAutosave>().AsNoTracking().FirstOrDefaultAsync(a => a.UserName == user && a.Key == key, cancellationToken);
    }

    private async Task DeleteAutosaveAsync(string key, CancellationToken cancellationToken)
    {
        var user = actor.Actor;
        var rows = await db.Set<ContentAutosave>().Where(a => a.UserName == user && a.Key == key).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count > 0)
        {
            db.RemoveRange(rows);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The manager names a field by its path ("Summary", "TitlePart.Title"); the form by its input key.
    private static string KeyOf(IReadOnlyList<EditorField> fields, string path) =>
        fields.FirstOrDefault(f => f.ErrorPath == path || f.Key == path)?.Key
        ?? fields.FirstOrDefault(f => path.StartsWith(f.ErrorPath + ".", StringComparison.Ordinal))?.Key
        ?? "";

    private Task<bool> PathTakenAsync(string path, string contentItemId, CancellationToken cancellationToken) =>
        db.Set<RouteIndex>().AnyAsync(r => r.Path == path && r.Published && r.ContentItemId != contentItemId, cancellationToken);

    private static string? RoutePathOf(ContentItem item) => RoutePart.Normalize(item.As<RoutePart>()?.Path) is { Length: > 0 } path ? path : null;

    private static string DisplayTextOf(IReadOnlyList<EditorField> fields, ContentItem item, ContentTypeDefinition type)
    {
        var title = fields.FirstOrDefault(f => f.Kind == EditorKind.Text) is { } first ? first.Read(item.Data).Trim() : "";
        return title.Length > 0 ? title : $"{type.DisplayName} không có tiêu đề";
    }

    private static ContentItem Copy(ContentItem latest) => new()
    {
        ContentItemId = latest.ContentItemId,
        ContentItemVersionId = latest.ContentItemVersionId,
        ContentType = latest.ContentType,
        DisplayText = latest.DisplayText,
        Culture = latest.Culture,
        TenantId = latest.TenantId,
        Alias = latest.Alias,
        Data = JsonColumn.Clone(latest.Data),
    };
}
