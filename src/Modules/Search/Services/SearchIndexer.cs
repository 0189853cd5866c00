using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Search.Models;

namespace Portal.Modules.Search.Services;

/// <summary>
/// Writes the current tenant's search index: one <see cref="SearchDocument"/> per published item
/// that has a public path. The database is the index: every node reads and writes the same rows.
/// </summary>
public sealed class SearchIndexer(PortalDbContext db, IContentManager contents, ICurrentTenant currentTenant)
{
    private const int RebuildBatch = 500;

    /// <summary>
    /// Brings the item's row in line with its published version now: written when it has one with a
    /// path, deleted when it has none (unpublished, removed, never published). A row made from a
    /// newer version is never replaced by an older one (events of two nodes arriving out of order).
    /// </summary>
    public async Task SyncItemAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentItemId);
        var published = await contents.GetAsync(contentItemId, VersionOptions.Published, cancellationToken).ConfigureAwait(false);
        var document = published is null ? null : Map(published);
        var existing = await db.Set<SearchDocument>().SingleOrDefaultAsync(d => d.ContentItemId == contentItemId, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            if (existing is not null)
            {
                db.Remove(existing);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (existing is null)
        {
            db.Add(document);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException)
            {
                // Another node inserted the row meanwhile: update it instead.
                db.Entry(document).State = EntityState.Detached;
                existing = await db.Set<SearchDocument>().SingleOrDefaultAsync(d => d.ContentItemId == contentItemId, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    throw;
                }
            }
        }

        if (existing.VersionNumber > document.VersionNumber)
        {
            return;
        }

        Copy(document, existing);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the tenant's whole index with rows made from its published items, in one
    /// transaction (searches see the old index until it commits). Returns the rows written.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Tenant?.Id ?? throw new InvalidOperationException("The search index is rebuilt for a tenant: run in a tenant scope.");
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.Set<SearchDocument>().Where(d => d.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var written = 0;
            long lastId = 0;
            while (true)
            {
                var batch = await contents.QueryPublished().Where(i => i.Id > lastId).OrderBy(i => i.Id).Take(RebuildBatch)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    break;
                }

                lastId = batch[^1].Id;
                foreach (var document in batch.Select(Map).OfType<SearchDocument>())
                {
                    db.Add(document);
                    written++;
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return written;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The row for a published version, or null when it has no public path (contacts, links: they
    /// have no page a result could lead to). Title: the TitlePart's (else the display text); summary:
    /// the <c>Summary</c> text field; body: the BodyPart's HTML as plain text.
    /// </summary>
    public static SearchDocument? Map(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var path = RoutePart.Normalize(item.As<RoutePart>()?.Path);
        if (path.Length == 0 || path.Length > SearchDocument.PathMaxLength)
        {
            return null;
        }

        var title = Cut(SearchText.Clean(item.As<TitlePart>()?.Title is { Length: > 0 } t ? t : item.DisplayText), SearchDocument.TitleMaxLength);
        var summary = Cut(SearchText.Clean(SummaryOf(item)), SearchDocument.SummaryMaxLength);
        var body = Cut(SearchText.HtmlToText(item.As<BodyPart>()?.Html), SearchDocument.BodyMaxLength);
        return new SearchDocument
        {
            TenantId = item.TenantId,
            ContentItemId = item.ContentItemId,
            ContentItemVersionId = item.ContentItemVersionId,
            VersionNumber = item.Number,
            ContentType = item.ContentType,
            Title = title,
            Path = path,
            Summary = summary,
            Body = body,
            PublishedUtc = item.PublishedUtc ?? item.ModifiedUtc,
            FoldedTitle = SearchText.FoldToTokens(title),
            FoldedSummary = SearchText.FoldToTokens(summary),
            FoldedBody = SearchText.FoldToTokens(body),
        };
    }

    private static string? SummaryOf(ContentItem item)
    {
        try
        {
            return item.Field<TextField>("Summary")?.Text;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static void Copy(SearchDocument from, SearchDocument to)
    {
        to.ContentItemVersionId = from.ContentItemVersionId;
        to.VersionNumber = from.VersionNumber;
        to.ContentType = from.ContentType;
        to.Title = from.Title;
        to.Path = from.Path;
        to.Summary = from.Summary;
        to.Body = from.Body;
        to.PublishedUtc = from.PublishedUtc;
        to.FoldedTitle = from.FoldedTitle;
        to.FoldedSummary = from.FoldedSummary;
        to.FoldedBody = from.FoldedBody;
    }
}
