using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Modules.Contents.Data;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Services;

/// <summary>The current tenant's content types.</summary>
public interface IContentDefinitionStore
{
    /// <summary>The type named <paramref name="name"/> (case-sensitive), or null.</summary>
    Task<ContentTypeDefinition?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>All types of the tenant, by name.</summary>
    Task<IReadOnlyList<ContentTypeDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the type or updates the one with the same name, and saves. Returns false, and
    /// writes nothing, when the stored type already has the same display name and settings.
    /// </summary>
    Task<bool> SaveAsync(string name, string displayName, JsonObject settings, CancellationToken cancellationToken = default);
}

public sealed class ContentDefinitionStore(PortalDbContext db, IAuditLog auditLog) : IContentDefinitionStore
{
    public const string SaveAction = "content-type.save";

    private DbSet<ContentTypeDefinition> Types => db.Set<ContentTypeDefinition>();

    public Task<ContentTypeDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Types.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name, cancellationToken);

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        await Types.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<bool> SaveAsync(string name, string displayName, JsonObject settings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(settings);

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
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
