using Microsoft.EntityFrameworkCore;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Models;

namespace Portal.Modules.Tenants.Data;


/// <summary>Maps the tenant registry's tables: the tenants, and their host names (one tenant per host).</summary>
public sealed class TenantsModelContributor : Portal.Core.Data.IModelContributor
{
    /// <summary>RFC 1123: a host name has at most 253 characters.</summary>
    public const int HostNameMaxLength = 253;

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantRecord>(e =>
        {
            e.ToTable("Tenants");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasMaxLength(TenantIds.MaxLength);
            e.Property(t => t.Name).HasMaxLength(63).IsRequired();
            e.HasIndex(t => t.Name).IsUnique();
            e.Property(t => t.DisplayName).HasMaxLength(256).IsRequired();
            e.Property(t => t.UrlPrefix).HasMaxLength(63);
            e.Property(t => t.Theme).HasMaxLength(64);
            e.Property(t => t.ParentId).HasMaxLength(TenantIds.MaxLength);
            e.Property(t => t.Recipe).HasMaxLength(128);
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(t => t.Version);
        });
        modelBuilder.Entity<TenantHost>(e =>
        {
            e.ToTable("TenantHosts");
            // The key is the host alone: a host name belongs to one tenant, whatever the tenant.
            e.HasKey(h => h.HostName);
            e.Property(h => h.HostName).HasMaxLength(HostNameMaxLength);
            e.Property(h => h.TenantId).HasMaxLength(TenantIds.MaxLength).IsRequired();
            e.HasIndex(h => h.TenantId);
            e.HasOne<TenantRecord>().WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
