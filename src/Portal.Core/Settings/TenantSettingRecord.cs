using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Core.Settings;

/// <summary>One saved section of one tenant's settings, as JSON.</summary>
public sealed class TenantSettingRecord : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public string Section { get; set; } = "";
    public string Json { get; set; } = "{}";
    public DateTimeOffset ModifiedUtc { get; set; }
    public string ModifiedBy { get; set; } = "";
}

public sealed class TenantSettingsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<TenantSettingRecord>(e =>
        {
            e.ToTable("TenantSettings");
            e.Property(x => x.Section).HasMaxLength(64);
            e.Property(x => x.ModifiedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.TenantId, x.Section }).IsUnique();
        });
}
