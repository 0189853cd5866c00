using Microsoft.EntityFrameworkCore;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Models;

namespace Portal.Modules.Tenants.Data;


/// <summary>Maps the tenant registry's table.</summary>
public sealed class TenantsModelContributor : Portal.Core.Data.IModelContributor
{
    public void Configure(ModelBuilder modelBuilder) =>
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
}
