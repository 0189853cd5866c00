using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Feedback.Models;

namespace Portal.Modules.Feedback.Data;

/// <summary>The module's table: readers' answers.</summary>
public sealed class FeedbackModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<FeedbackEntry>(e =>
        {
            e.ToTable("FeedbackEntries");
            e.Property(x => x.Path).HasMaxLength(FeedbackEntry.PathMaxLength).IsRequired();
            e.Property(x => x.ContentItemId).HasMaxLength(32).IsRequired();
            e.Property(x => x.Title).HasMaxLength(FeedbackEntry.TitleMaxLength).IsRequired();
            e.Property(x => x.Comment).HasMaxLength(FeedbackEntry.CommentMaxLength);
            e.Property(x => x.ClientHash).HasMaxLength(FeedbackEntry.ClientHashLength).IsRequired();

            // Results per month group a tenant's answers of a range of days by page.
            e.HasIndex(x => new { x.TenantId, x.Day, x.ContentItemId });
            e.HasIndex(x => new { x.TenantId, x.ContentItemId, x.Id });
        });
}
