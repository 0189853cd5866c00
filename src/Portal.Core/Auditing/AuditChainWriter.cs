using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Auditing;

/// <summary>
/// Links new audit rows into their tenant's chain as they are saved, inside the save's
/// transaction (the caller's, when the entry goes with a business change). Appends of one
/// tenant are serialised by its <see cref="AuditChain"/> row: created if missing, then read
/// <c>FOR UPDATE</c> on PostgreSQL; on SQLite the insert attempt takes the database's write
/// lock (transactions begin IMMEDIATE), which is held until commit. The head is updated in the
/// same save as the rows, so rows and head commit or roll back together.
/// </summary>
internal static class AuditChainWriter
{
    private const string EnsureHead =
        "INSERT INTO \"AuditChains\" (\"TenantId\", \"LastSequence\", \"LastHash\", \"FirstSequence\", \"FirstPrevHash\") " +
        "VALUES ({0}, 0, {1}, 1, {1}) ON CONFLICT (\"TenantId\") DO NOTHING";

    private const string SelectHead = "SELECT * FROM \"AuditChains\" WHERE \"TenantId\" = {0}";

    public static bool HasPending(DbContext db) =>
        db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);

    public static async Task LinkAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId!;
        Forget(db);
        await db.Database.ExecuteSqlRawAsync(EnsureHead, [tenantId, AuditHash.Genesis], cancellationToken).ConfigureAwait(false);
        var head = (await HeadQuery(db, tenantId).ToListAsync(cancellationToken).ConfigureAwait(false)).Single();
        Link(db, head);
    }

    public static void Link(PortalDbContext db)
    {
        var tenantId = db.CurrentTenantId!;
        Forget(db);
        db.Database.ExecuteSqlRaw(EnsureHead, [tenantId, AuditHash.Genesis]);
        Link(db, HeadQuery(db, tenantId).ToList().Single());
    }

    // A head tracked by an earlier save may be stale (another writer appended since): read it afresh.
    private static void Forget(DbContext db)
    {
        foreach (var tracked in db.ChangeTracker.Entries<AuditChain>().ToList())
        {
            tracked.State = EntityState.Detached;
        }
    }

    // Not composed (no filter, no operator), so the SQL, FOR UPDATE included, runs as written.
    private static IQueryable<AuditChain> HeadQuery(PortalDbContext db, string tenantId) =>
        db.Set<AuditChain>()
            .FromSqlRaw(db.Database.IsNpgsql() ? SelectHead + " FOR UPDATE" : SelectHead, tenantId)
            .IgnoreQueryFilters()
            .AsTracking();

    private static void Link(DbContext db, AuditChain head)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .OrderBy(e => e.AtUtc) // stable: rows of the same instant keep the order they were added in
            .ToList();
        foreach (var entry in pending)
        {
            entry.AtUtc = AuditHash.Truncate(entry.AtUtc);
            entry.Sequence = ++head.LastSequence;
            entry.PrevHash = head.LastHash;
            entry.Hash = AuditHash.Compute(entry);
            head.LastHash = entry.Hash;
        }
    }
}
