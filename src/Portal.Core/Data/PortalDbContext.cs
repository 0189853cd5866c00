using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// The one EF Core model of the platform. Modules add their entities through
/// <see cref="IModelContributor"/>; every <see cref="ITenantOwned"/> entity gets the
/// named tenant filter, and <c>SaveChanges</c> stamps and checks the tenant.
/// Provider-specific subclasses live in the host; migrations belong to the modules
/// (<see cref="Migrations.ModuleMigrationsContext"/>).
/// </summary>
public abstract class PortalDbContext : DbContext
{
    /// <summary>Name of the query filter that scopes reads to the current tenant.</summary>
    public const string TenantFilter = "Tenant";

    /// <summary>Column name of the tenant id on every tenant-owned table.</summary>
    public const string TenantIdColumn = nameof(ITenantOwned.TenantId);

    private readonly IEnumerable<IModelContributor> _contributors;

    protected PortalDbContext(DbContextOptions options, ICurrentTenant currentTenant, IEnumerable<IModelContributor> contributors)
        : base(options)
    {
        CurrentTenantId = currentTenant.Tenant?.Id;
        _contributors = contributors;
    }

    /// <summary>The tenant this context reads and writes for; fixed for the context's lifetime.</summary>
    public string? CurrentTenantId { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        PortalModelConventions.ConfigureConventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var contributor in _contributors)
        {
            contributor.Configure(modelBuilder);
        }

        PortalModelConventions.Apply(modelBuilder);
        foreach (var entityType in PortalModelConventions.TenantOwnedTypes(modelBuilder))
        {
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, BuildTenantFilter(entityType.ClrType));
        }
    }

    // e => e.TenantId == this.CurrentTenantId; EF parameterises the context member, so one
    // compiled query serves every tenant.
    private LambdaExpression BuildTenantFilter(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        var tenantId = Expression.Property(Expression.Convert(entity, typeof(ITenantOwned)), nameof(ITenantOwned.TenantId));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentTenantId));
        return Expression.Lambda(Expression.Equal(tenantId, current), entity);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampAndCheckTenant();
        if (!AuditChainWriter.HasPending(this))
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        // New audit rows are linked into the tenant's chain in the same transaction as the save.
        if (Database.CurrentTransaction is not null)
        {
            AuditChainWriter.Link(this);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.BeginTransaction();
        AuditChainWriter.Link(this);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        transaction.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampAndCheckTenant();
        if (!AuditChainWriter.HasPending(this))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        if (Database.CurrentTransaction is not null)
        {
            await AuditChainWriter.LinkAsync(this, cancellationToken).ConfigureAwait(false);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await AuditChainWriter.LinkAsync(this, cancellationToken).ConfigureAwait(false);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    private void StampAndCheckTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (CurrentTenantId is null)
            {
                throw new TenantDataException(
                    $"Cannot write {entry.Metadata.DisplayName()} outside a tenant: open a tenant scope first.");
            }

            if (entry.State == EntityState.Added && string.IsNullOrEmpty(entry.Entity.TenantId))
            {
                entry.Entity.TenantId = CurrentTenantId;
                continue;
            }

            var owner = entry.State == EntityState.Added
                ? entry.Entity.TenantId
                : entry.Property(e => e.TenantId).OriginalValue;
            if (!string.Equals(owner, CurrentTenantId, StringComparison.Ordinal) ||
                !string.Equals(entry.Entity.TenantId, CurrentTenantId, StringComparison.Ordinal))
            {
                throw new TenantDataException(
                    $"Refused to save {entry.Metadata.DisplayName()} of tenant '{owner}' while tenant '{CurrentTenantId}' is current.");
            }
        }
    }
}
