using System.Text.Json.Nodes;

namespace Portal.Modules.Contents.Abstractions;

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
    /// <exception cref="ContentDefinitionException">The name is invalid, or a part or field type is not registered.</exception>
    Task<bool> SaveAsync(string name, string displayName, JsonObject settings, CancellationToken cancellationToken = default);
}
