using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.PublicCache.Models;

namespace Portal.Modules.PublicCache.Data;

/// <summary>The module's tables: eviction generations (global), visits per day and online figures per node.</summary>
public sealed class PublicCacheModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PublicCacheGeneration>(e =>
        {
            e.ToTable(PublicCacheGeneration.TableName);
            e.HasKey(x => x.TenantId);
            e.Property(x => x.TenantId).HasMaxLength(TenantIds.MaxLength);
        });

        modelBuilder.Entity<VisitDay>(e =>
        {
            e.ToTable(VisitDay.TableName);
            e.HasKey(x => new { x.TenantId, x.Day });
        });

        modelBuilder.Entity<VisitOnline>(e =>
        {
            e.ToTable(VisitOnline.TableName);
            e.HasKey(x => new { x.TenantId, x.Node });
            e.Property(x => x.Node).HasMaxLength(VisitOnline.NodeMaxLength);
        });
    }
}
