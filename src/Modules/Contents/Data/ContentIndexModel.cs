using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Data;

/// <summary>Maps the columns every index table shares; a module configures its own columns on the returned builder.</summary>
internal static class ContentIndexModel
{
    public static EntityTypeBuilder<TIndex> Map<TIndex>(ModelBuilder modelBuilder) where TIndex : ContentIndexRow
    {
        var e = modelBuilder.Entity<TIndex>();
        e.ToTable(typeof(TIndex).Name);
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemId).HasMaxLength(ContentItem.IdLength).IsRequired();
        e.Property(x => x.ContentItemVersionId).HasMaxLength(ContentItem.IdLength).IsRequired();
        // Rows are replaced per item on every change.
        e.HasIndex(x => new { x.TenantId, x.ContentItemId });
        return e;
    }
}

/// <summary>The model contributor that <c>AddContentIndex</c> registers for an index table.</summary>
internal sealed class ContentIndexModel<TIndex> : IModelContributor where TIndex : ContentIndexRow
{
    public void Configure(ModelBuilder modelBuilder) => ContentIndexModel.Map<TIndex>(modelBuilder);

    /// <summary>The module that defines the index row owns (and migrates) its table.</summary>
    public Assembly Owner => typeof(TIndex).Assembly;
}
