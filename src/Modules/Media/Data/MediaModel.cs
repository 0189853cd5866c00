using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Data;
using Portal.Modules.Media.Models;

namespace Portal.Modules.Media.Data;

/// <summary>The module's tables: media items and folders.</summary>
public sealed class MediaModel : IModelContributor
{
    private static readonly ValueConverter<List<MediaVariant>, string> VariantsConverter = new(
        v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
        s => JsonSerializer.Deserialize<List<MediaVariant>>(s, JsonSerializerOptions.Web) ?? new List<MediaVariant>());

    private static readonly ValueComparer<List<MediaVariant>> VariantsComparer = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        v => v.Aggregate(0, (hash, variant) => HashCode.Combine(hash, variant)),
        v => v.ToList());

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MediaItem>(e =>
        {
            e.ToTable("MediaItems");
            e.Property(x => x.OriginalFileName).HasMaxLength(255).IsRequired();
            e.Property(x => x.StoredName).HasMaxLength(MediaItem.StoredNameLength).IsRequired();
            e.Property(x => x.Extension).HasMaxLength(8).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(128).IsRequired();
            e.Property(x => x.Variants).HasConversion(VariantsConverter, VariantsComparer).IsRequired();
            e.Property(x => x.Alt).HasMaxLength(512).IsRequired();
            e.Property(x => x.UploadedBy).HasMaxLength(256).IsRequired();
            e.Property(x => x.ContentHash).HasMaxLength(64).IsRequired();
            e.Property(x => x.SearchText).HasMaxLength(1024).IsRequired();
            e.Ignore(x => x.IsImage);
            e.Ignore(x => x.FileName);

            // The public URL is resolved through this index, always within the current tenant.
            e.HasIndex(x => new { x.TenantId, x.StoredName }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.FolderId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.ContentHash });
        });

        modelBuilder.Entity<MediaFolder>(e =>
        {
            e.ToTable("MediaFolders");
            e.Property(x => x.Name).HasMaxLength(MediaFolder.NameMaxLength).IsRequired();
            e.HasIndex(x => new { x.TenantId, x.ParentId, x.Name }).IsUnique();
        });
    }
}
