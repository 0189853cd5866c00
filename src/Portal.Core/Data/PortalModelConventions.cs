using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// Conventions every model of the platform applies after the contributors: the runtime
/// context and each module's migrations context, so that both describe the same tables.
/// </summary>
public static class PortalModelConventions
{
    /// <summary>Type-wide conventions: every instant stored as UTC (<see cref="UtcInstantConverter"/>).</summary>
    public static void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
    }

    /// <summary>The tenant-owned entity types of a model (roots of their hierarchies).</summary>
    public static IEnumerable<IMutableEntityType> TenantOwnedTypes(ModelBuilder modelBuilder) =>
        modelBuilder.Model.GetEntityTypes()
            .Where(t => t.BaseType is null && typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .ToList();

    /// <summary>A required, bounded, indexed <c>TenantId</c> column on every tenant-owned table.</summary>
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entityType in TenantOwnedTypes(modelBuilder))
        {
            var entity = modelBuilder.Entity(entityType.ClrType);
            entity.Property(nameof(ITenantOwned.TenantId)).HasMaxLength(TenantIds.MaxLength).IsRequired();
            entity.HasIndex(nameof(ITenantOwned.TenantId));
        }
    }
}
