using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Testing;

namespace Portal.Core.Tests;

public sealed class TenantDataTests
{
    [Fact]
    public async Task NewRow_IsStampedWithTheCurrentTenant_AndVisibleOnlyToIt()
    {
        using var database = new SqliteTestDatabase();
        var a = SqliteTestDatabase.NewTenant("a");
        var b = SqliteTestDatabase.NewTenant("b");
        await using (var db = database.CreateContext(a))
        {
            db.Set<AuditEntry>().Add(new AuditEntry { Actor = "x", Action = "a.did" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext(a))
        {
            Assert.Equal(a.Id, (await db.Set<AuditEntry>().SingleAsync()).TenantId);
        }

        await using (var db = database.CreateContext(b))
        {
            Assert.Empty(await db.Set<AuditEntry>().ToListAsync());
            Assert.Single(await db.Set<AuditEntry>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).ToListAsync());
        }

        await using (var db = database.CreateContext(null))
        {
            Assert.Empty(await db.Set<AuditEntry>().ToListAsync());
        }
    }

    [Fact]
    public async Task Writing_WithoutTenant_IsRefused()
    {
        using var database = new SqliteTestDatabase();
        await using var db = database.CreateContext(null);
        db.Set<AuditEntry>().Add(new AuditEntry { Actor = "x", Action = "y" });
        await Assert.ThrowsAsync<TenantDataException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ChangingTheTenantOfAnOwnRow_IsRefused()
    {
        using var database = new SqliteTestDatabase();
        var a = SqliteTestDatabase.NewTenant("a");
        await using var db = database.CreateContext(a);
        var entry = new AuditEntry { Actor = "x", Action = "y" };
        db.Set<AuditEntry>().Add(entry);
        await db.SaveChangesAsync();

        entry.TenantId = SqliteTestDatabase.NewTenant("b").Id;
        await Assert.ThrowsAsync<TenantDataException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task DeletingAnotherTenantsRow_IsRefused()
    {
        using var database = new SqliteTestDatabase();
        var a = SqliteTestDatabase.NewTenant("a");
        var b = SqliteTestDatabase.NewTenant("b");
        AuditEntry entry;
        await using (var db = database.CreateContext(b))
        {
            entry = new AuditEntry { Actor = "x", Action = "y" };
            db.Set<AuditEntry>().Add(entry);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext(a))
        {
            db.Set<AuditEntry>().Remove(entry);
            await Assert.ThrowsAsync<TenantDataException>(() => db.SaveChangesAsync());
        }
    }
}
