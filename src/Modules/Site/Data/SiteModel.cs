using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Site.Models;

namespace Portal.Modules.Site.Data;

/// <summary>
/// The public index tables' own columns (their shared columns are mapped by the content store).
/// Every list of the public sites is "newest publication first", so each index ends with
/// <c>PublishedUtc, Id</c> in that order: a page is read in index order without a sort.
/// </summary>
public sealed class SiteModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PublicItemIndex>(e =>
        {
            e.Property(x => x.ContentType).HasMaxLength(128).IsRequired();
            e.Property(x => x.Title).HasMaxLength(PublicItemIndex.TitleMaxLength).IsRequired();
            e.Property(x => x.Path).HasMaxLength(RouteIndex.PathMaxLength);
            e.Property(x => x.Summary).HasMaxLength(PublicItemIndex.SummaryMaxLength);
            e.Property(x => x.ImagePath).HasMaxLength(PublicItemIndex.MediaPathMaxLength);
            e.Property(x => x.ImageAlt).HasMaxLength(PublicItemIndex.AltMaxLength);
            e.Property(x => x.Culture).HasMaxLength(16).IsRequired();
            e.HasIndex(x => new { x.TenantId, x.PublishedUtc, x.Id });
            e.HasIndex(x => new { x.TenantId, x.ContentType, x.PublishedUtc, x.Id });
            e.HasIndex(x => new { x.TenantId, x.ContentType, x.Featured, x.PublishedUtc, x.Id });
        });
        modelBuilder.Entity<PublicTermIndex>(e =>
        {
            e.Property(x => x.TermId).HasMaxLength(PublicTermIndex.TermIdMaxLength).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(128).IsRequired();
            e.HasIndex(x => new { x.TenantId, x.TermId, x.PublishedUtc, x.ContentItemId });
        });
    }
}
