using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Data;

namespace Portal.Modules.Contents.Services;

internal sealed class ContentDefinitionStore(PortalDbContext db, IAuditLog auditLog, ContentTypeDefinitionValidator validator) : IContentDefinitionStore
{
    public const string SaveAction = "content-type.save";

    // Types read in this unit of work: every save of an item needs its type.
    private readonly Dictionary<string, ContentTypeDefinition?> _read = new(StringComparer.Ordinal);

    private DbSet<ContentTypeDefinition> Types => db.Set<ContentTypeDefinition>();

    public async Task<ContentTypeDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!_read.TryGetValue(name, out var type))
        {
            type = await Types.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name, cancellationToken).ConfigureAwait(false);
            _read[name] = type;
        }

        return type;
    }

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        await Types.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<bool> SaveAsync(string name, string displayName, JsonObject settings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = validator.Validate(name, ContentTypeDefinition.ReadParts(settings), ContentTypeDefinition.ReadFields(settings));
        if (errors.Count > 0)
        {
            throw new ContentDefinitionException(name, errors);
        }

        var type = await Types.FirstOrDefaultAsync(t => t.Name == name, cancellationToken).ConfigureAwait(false);
        if (type is null)
        {
            type = new ContentTypeDefinition { Name = name };
            Types.Add(type);
        }
        else if (type.DisplayName == displayName && JsonNode.DeepEquals(type.Settings, settings))
        {
            return false;
        }

        type.DisplayName = displayName;
        type.Settings = JsonColumn.Clone(settings);
        auditLog.Add(SaveAction, name, displayName);
        _read.Remove(name);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
