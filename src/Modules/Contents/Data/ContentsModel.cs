using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Data;

/// <summary>The module's tables: content item versions, type definitions, the route and admin list indexes, autosaves.</summary>
internal sealed class ContentsModel : IModelContributor
{
    // Filtered-index predicates written so that SQLite and PostgreSQL both accept them.
    private const string LatestOnly = "\"Alias\" IS NOT NULL AND \"Latest\"";
    private const string PublishedOnly = "\"Published\"";

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContentItem>(ConfigureItems);
        modelBuilder.Entity<ContentTypeDefinition>(e =>
        {
            e.ToTable("ContentTypeDefinitions");
            e.Property(x => x.Name).HasMaxLength(128).IsRequired();
            e.Property(x => x.DisplayName).HasMaxLength(256).IsRequired();
            e.Property(x => x.Settings).HasConversion(JsonColumn.ObjectConverter, JsonColumn.ObjectComparer).IsRequired();
            e.Ignore(x => x.Parts);
            e.Ignore(x => x.Fields);
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        });

        var routes = ContentIndexModel.Map<RouteIndex>(modelBuilder);
        routes.Property(x => x.Path).HasMaxLength(RouteIndex.PathMaxLength).IsRequired();
        // A path leads to one published page; drafts may share a path until they are published.
        routes.HasIndex(x => new { x.TenantId, x.Path }).IsUnique().HasFilter(PublishedOnly);

        ConfigureList(ContentIndexModel.Map<ContentListIndex>(modelBuilder));
        modelBuilder.Entity<ContentAutosave>(e =>
        {
            e.ToTable("ContentAutosaves");
            e.Property(x => x.UserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.Key).HasMaxLength(ContentAutosave.KeyMaxLength).IsRequired();
            e.Property(x => x.BaseVersionId).HasMaxLength(ContentItem.IdLength);
            e.Property(x => x.Values).IsRequired();
            e.HasIndex(x => new { x.TenantId, x.UserName, x.Key }).IsUnique();
        });
    }

    /// <summary>
    /// The admin list (<c>ContentListQuery</c>) filters by type, status and searched words and
    /// pages in the order "modified, newest first". Its two indexes are in that order (Id breaks
    /// ties, as the query does), so a page is read in index order with no sort, and they carry the
    /// status and the searched title, so the filters and the count are checked inside the index:
    /// the table is read only for the rows shown. (Status first would force a sort of every item
    /// of the default "not removed" list; bench/README.md has the figures.)
    /// </summary>
    private static void ConfigureList(EntityTypeBuilder<ContentListIndex> e)
    {
        e.Property(x => x.ContentType).HasMaxLength(128).IsRequired();
        e.Property(x => x.Title).HasMaxLength(ContentListIndex.TitleMaxLength).IsRequired();
        e.Property(x => x.NormalizedTitle).HasMaxLength(ContentListIndex.NormalizedTitleMaxLength).IsRequired();
        e.Property(x => x.Author).HasMaxLength(256).IsRequired();
        e.HasIndex(x => new { x.TenantId, x.ContentType, x.ModifiedUtc, x.Id, x.Status, x.NormalizedTitle });
        e.HasIndex(x => new { x.TenantId, x.ModifiedUtc, x.Id, x.Status, x.NormalizedTitle });
        e.HasIndex(x => new { x.TenantId, x.Author, x.ModifiedUtc });
    }

    private static void ConfigureItems(EntityTypeBuilder<ContentItem> e)
    {
        e.ToTable("ContentItems");
        e.Property(x => x.ContentItemId).HasMaxLength(ContentItem.IdLength).IsRequired();
        e.Property(x => x.ContentItemVersionId).HasMaxLength(ContentItem.IdLength).IsRequired();
        e.Property(x => x.ContentType).HasMaxLength(128).IsRequired();
        e.Property(x => x.DisplayText).HasMaxLength(1024).IsRequired();
        e.Property(x => x.Author).HasMaxLength(256).IsRequired();
        e.Property(x => x.Culture).HasMaxLength(16).IsRequired();
        e.Property(x => x.Alias).HasMaxLength(256);
        e.Property(x => x.Data).HasConversion(JsonColumn.ObjectConverter, JsonColumn.ObjectComparer).IsRequired();

        e.HasIndex(x => new { x.TenantId, x.ContentItemId, x.Latest });
        e.HasIndex(x => new { x.TenantId, x.ContentItemId, x.Published });
        e.HasIndex(x => new { x.TenantId, x.ContentType, x.Latest });
        e.HasIndex(x => new { x.TenantId, x.ContentType, x.Published });
        e.HasIndex(x => new { x.TenantId, x.ContentItemVersionId }).IsUnique();
        // Two concurrent saves of one item compute the same next number; one of them fails here.
        e.HasIndex(x => new { x.TenantId, x.ContentItemId, x.Number }).IsUnique();
        // Every version carries the alias; only the live item's latest version claims it.
        e.HasIndex(x => new { x.TenantId, x.Alias }).IsUnique().HasFilter(LatestOnly);
    }
}
