using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Search.Models;

namespace Portal.Modules.Search.Data;

/// <summary>
/// The module's table. The full-text structures that EF does not model (SQLite's FTS5 table and
/// its triggers, PostgreSQL's tsvector column and GIN index) are created in the migrations.
/// </summary>
public sealed class SearchModel : IModelContributor
{
    public const string TableName = "SearchDocuments";

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SearchDocument>(e =>
        {
            e.ToTable(TableName);
            e.Property(x => x.ContentItemId).HasMaxLength(32).IsRequired();
            e.Property(x => x.ContentItemVersionId).HasMaxLength(32).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(128).IsRequired();
            e.Property(x => x.Title).HasMaxLength(SearchDocument.TitleMaxLength).IsRequired();
            e.Property(x => x.Path).HasMaxLength(SearchDocument.PathMaxLength).IsRequired();
            e.Property(x => x.Summary).HasMaxLength(SearchDocument.SummaryMaxLength).IsRequired();
            e.Property(x => x.Body).IsRequired();
            e.Property(x => x.FoldedTitle).IsRequired();
            e.Property(x => x.FoldedSummary).IsRequired();
            e.Property(x => x.FoldedBody).IsRequired();
            e.HasIndex(x => new { x.TenantId, x.ContentItemId }).IsUnique();
        });
    }
}
