using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Tenancy;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>The audit trail's canonical form, its chaining on save and its verification (in-memory SQLite, no triggers).</summary>
public sealed class AuditChainTests
{
    private static AuditEntry Sample() => new()
    {
        TenantId = "0123456789abcdef0123456789abcdef",
        Sequence = 7,
        AtUtc = new DateTimeOffset(2026, 12, 1, 8, 30, 15, TimeSpan.Zero).AddTicks(1234567),
        UserId = "u-1",
        Actor = "nguyễn",
        ClientAddress = "203.0.113.5",
        OsUser = null,
        Action = "content.publish",
        Subject = "bài 1",
        Details = "a\nprev=x",
        PrevHash = AuditHash.Genesis,
    };

    [Fact]
    public void CanonicalForm_IsTheDocumentedOne_AndItsHashIsPinned()
    {
        var entry = Sample();

        Assert.Equal(
            "portal-audit/1\ntenant=32:0123456789abcdef0123456789abcdef\nseq=7\nat=2026-12-01T08:30:15.123456Z\nuser_id=3:u-1\n" +
            "user=8:nguyễn\nclient=11:203.0.113.5\nos_user=-\naction=15:content.publish\nsubject=6:bài 1\ndetails=8:a\nprev=x\n" +
            "prev=64:0000000000000000000000000000000000000000000000000000000000000000\n",
            AuditHash.Canonical(entry));
        // Computed independently (Python's hashlib over the same text): the form cannot drift unnoticed.
        Assert.Equal("10a20e9bd2d5f2ce859930c2da5fd9cb0a191c71b01b3224d0cd861cd09ec02f", AuditHash.Compute(entry));
    }

    [Fact]
    public void EveryField_ChangesTheHash_AndNullDiffersFromEmpty()
    {
        var original = AuditHash.Compute(Sample());
        var changes = new Action<AuditEntry>[]
        {
            e => e.TenantId = "fedcba9876543210fedcba9876543210",
            e => e.Sequence = 8,
            e => e.AtUtc = e.AtUtc.AddMilliseconds(1),
            e => e.UserId = "u-2",
            e => e.Actor = "nguyen",
            e => e.ClientAddress = "203.0.113.6",
            e => e.OsUser = "",
            e => e.Action = "content.delete",
            e => e.Subject = null,
            e => e.Details = "a",
            e => e.PrevHash = new string('1', 64),
        };
        foreach (var change in changes)
        {
            var entry = Sample();
            change(entry);
            Assert.NotEqual(original, AuditHash.Compute(entry));
        }

        // A value cannot pass for the next field: "details" holding "\nprev=..." is length-prefixed.
        var shifted = Sample();
        shifted.Details = "a";
        shifted.PrevHash = "x\nprev=64:" + AuditHash.Genesis;
        Assert.NotEqual(original, AuditHash.Compute(shifted));
    }

    [Fact]
    public async Task SavedEntries_AreNumberedAndChainedPerTenant_AndVerify()
    {
        using var database = new SqliteTestDatabase();
        var a = SqliteTestDatabase.NewTenant("a");
        var b = SqliteTestDatabase.NewTenant("b");
        await WriteAsync(database, a, 3);
        await WriteAsync(database, b, 2);
        await WriteAsync(database, a, 1);

        var rows = await RowsAsync(database, a);
        Assert.Equal([1L, 2L, 3L, 4L], rows.Select(r => r.Sequence));
        Assert.Equal(AuditHash.Genesis, rows[0].PrevHash);
        Assert.All(rows.Skip(1), (r, i) => Assert.Equal(rows[i].Hash, r.PrevHash));
        Assert.All(rows, r => Assert.Equal(AuditHash.Compute(r), r.Hash));
        Assert.Equal([1L, 2L], (await RowsAsync(database, b)).Select(r => r.Sequence));
        Assert.True((await VerifyAsync(database, a)).IsIntact);
        Assert.True((await VerifyAsync(database, b)).IsIntact);
    }

    [Fact]
    public async Task AnEditedRow_IsReportedAsItself()
    {
        using var database = new SqliteTestDatabase();
        var a = SqliteTestDatabase.NewTenant("a");
        await WriteAsync(database, a, 4);
        await ExecuteAsync(database, a, "UPDATE \"AuditEntries\" SET \"Actor\" = 'người khác' WHERE \"Sequence\" = 2");

        var result = await VerifyAsync(database, a);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.BrokenSequence);
        Assert.Contains("bị sửa", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditedRowWithARecomputedHash_BreaksTheNextRowsLink()
    {
        using var database = new SqliteTestDatabase();
        var a = SqliteTestDatabase.NewTenant("a");
        await WriteAsync(database, a, 3);
        var second = (await RowsAsync(database, a))[1];
        second.Details = "giả mạo";
        await ExecuteAsync(database, a, $"UPDATE \"AuditEntries\" SET \"Details\" = 'giả mạo', \"Hash\" = '{AuditHash.Compute(second)}' WHERE \"Sequence\" = 2");

        var result = await VerifyAsync(database, a);

        Assert.Equal(3, result.BrokenSequence);
        Assert.Contains("dòng trước", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARemovedRow_IsAGap_AndARemovedTailIsReportedAgainstTheHead()
    {
        using var database = new SqliteTestDatabase();
        var a = SqliteTestDatabase.NewTenant("a");
        await WriteAsync(database, a, 4);
        await ExecuteAsync(database, a, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2");

        var gap = await VerifyAsync(database, a);
        Assert.Equal(3, gap.BrokenSequence);
        Assert.Equal("thiếu dòng số 2 (đã bị xóa)", gap.Problem);

        var b = SqliteTestDatabase.NewTenant("b");
        await WriteAsync(database, b, 4);
        await ExecuteAsync(database, b, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" >= 3");
        var tail = await VerifyAsync(database, b);
        Assert.Equal("thiếu các dòng cuối, từ số 3 đến 4 (đã bị xóa)", tail.Problem);
    }

    [Fact]
    public async Task ARowInsertedOutsideTheChain_IsReported()
    {
        using var database = new SqliteTestDatabase();
        var a = SqliteTestDatabase.NewTenant("a");
        await WriteAsync(database, a, 2);
        await ExecuteAsync(database, a,
            $"INSERT INTO \"AuditEntries\" (\"TenantId\", \"AtUtc\", \"Actor\", \"Action\", \"Sequence\", \"PrevHash\", \"Hash\") VALUES ('{a.Id}', '2026-01-01 00:00:00', 'x', 'giả', 3, '', '')");

        var result = await VerifyAsync(database, a);

        Assert.Equal(3, result.BrokenSequence);
        Assert.False(result.IsIntact);
    }

    private static async Task WriteAsync(SqliteTestDatabase database, TenantDescriptor tenant, int count)
    {
        await using var db = database.CreateContext(tenant);
        var log = new AuditLog(db, new FixedActor(), TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            await log.WriteAsync("test.write", $"dòng {i}", i % 2 == 0 ? null : "chi tiết");
        }
    }

    private static async Task<List<AuditEntry>> RowsAsync(SqliteTestDatabase database, TenantDescriptor tenant)
    {
        await using var db = database.CreateContext(tenant);
        return await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private static async Task<AuditVerification> VerifyAsync(SqliteTestDatabase database, TenantDescriptor tenant)
    {
        await using var db = database.CreateContext(tenant);
        return await new AuditChainVerifier(db).VerifyAsync();
    }

    private static async Task ExecuteAsync(SqliteTestDatabase database, TenantDescriptor tenant, string sql)
    {
        await using var db = database.CreateContext(tenant);
#pragma warning disable EF1002, EF1003 // test SQL, no outside input
        await db.Database.ExecuteSqlRawAsync(sql + (sql.StartsWith("INSERT", StringComparison.Ordinal) ? "" : $" AND \"TenantId\" = '{tenant.Id}'"));
#pragma warning restore EF1002, EF1003
    }

    private sealed class FixedActor : IActorAccessor
    {
        public string Actor => "biên tập viên";

        public string? UserId => "u-42";

        public string? ClientAddress => "198.51.100.7";
    }
}
