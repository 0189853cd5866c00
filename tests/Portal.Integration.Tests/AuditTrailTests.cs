using System.Data.Common;
using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Modules.Audit.Pages.Admin.Audit;
using Portal.Modules.Users.Services;
using Portal.Web.CommandLine;
using Portal.Web.Data;

namespace Portal.Integration.Tests;

/// <summary>The audit trail through the real app: insert-only for the app, chained and verified, purged only when old, viewed and exported.</summary>
public abstract class AuditTrailTests<TFactory>(TFactory app) : PortalAppTests<TFactory>(app)
    where TFactory : PortalAppFactory
{
    [ProviderFact]
    public async Task TheAppsConnection_CannotUpdateOrDeleteAuditRows()
    {
        var tenant = UnlistedTenant();
        await WriteAsync(tenant, 3);

        foreach (var sql in new[]
        {
            "UPDATE \"AuditEntries\" SET \"Details\" = 'đã sửa'",
            "DELETE FROM \"AuditEntries\"",
            "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3",
        })
        {
            await Assert.ThrowsAnyAsync<DbException>(() => InTenantAsync(tenant, sp => sp.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRawAsync(sql)));
        }

        var rows = await RowsAsync(tenant);
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Sequence));
        Assert.All(rows, r => Assert.NotEqual("đã sửa", r.Details));
        Assert.True((await VerifyAsync(tenant)).IsIntact);
    }

    [ProviderFact]
    public async Task Entries_AreChainedPerTenant_AndConcurrentWritersKeepTheChainWhole()
    {
        var tenant = UnlistedTenant();
        _ = App.Services; // the app starts once, before the writers race

        // Eight writers at once, each with its own scope and connection: appends are serialised per tenant.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await InTenantAsync(tenant, async sp =>
                {
                    await sp.GetRequiredService<IAuditLog>().WriteAsync("test.concurrent", $"writer {w}", $"entry {i}");
                    return 0;
                });
            }
        })));

        var rows = await RowsAsync(tenant);
        Assert.Equal(Enumerable.Range(1, 40).Select(n => (long)n), rows.Select(r => r.Sequence));
        Assert.Equal(AuditHash.Genesis, rows[0].PrevHash);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.Equal(rows[i - 1].Hash, rows[i].PrevHash);
        }

        Assert.True((await VerifyAsync(tenant)).IsIntact);
    }

    [ProviderFact]
    public async Task Verify_ReportsAnEditedRow_AndExitsNonZero()
    {
        var (tenant, first) = await ListedTrailAsync(4);
        var (ok, okOutput) = await AuditCommandAsync("verify", "--tenant", tenant.Name);
        Assert.Equal(0, ok);
        Assert.Contains($"{tenant.Name}", okOutput, StringComparison.Ordinal);
        Assert.Contains($"OK: {first + 3} dòng nhật ký", okOutput, StringComparison.Ordinal);

        await App.Database.TamperAsync($"UPDATE \"AuditEntries\" SET \"Details\" = 'sửa lén' WHERE \"TenantId\" = '{tenant.Id}' AND \"Sequence\" = {first + 1}");

        var (exit, output) = await AuditCommandAsync("verify", "--tenant", tenant.Name);
        Assert.Equal(1, exit);
        Assert.Contains($"LỖI tại dòng số {first + 1}", output, StringComparison.Ordinal);
        Assert.Contains("nội dung dòng đã bị sửa", output, StringComparison.Ordinal);
        Assert.Contains("1 trang có nhật ký bị sửa hoặc xóa", output, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Verify_ReportsARemovedRow_AndARemovedTail()
    {
        var (middle, first) = await ListedTrailAsync(4);
        await App.Database.TamperAsync($"DELETE FROM \"AuditEntries\" WHERE \"TenantId\" = '{middle.Id}' AND \"Sequence\" = {first + 1}");
        var (exit, output) = await AuditCommandAsync("verify", "--tenant", middle.Name);
        Assert.Equal(1, exit);
        Assert.Contains($"LỖI tại dòng số {first + 2}", output, StringComparison.Ordinal);
        Assert.Contains($"thiếu dòng số {first + 1} (đã bị xóa)", output, StringComparison.Ordinal);

        var (tail, tailFirst) = await ListedTrailAsync(4);
        var last = tailFirst + 3;
        await App.Database.TamperAsync($"DELETE FROM \"AuditEntries\" WHERE \"TenantId\" = '{tail.Id}' AND \"Sequence\" = {last}");
        (exit, output) = await AuditCommandAsync("verify", "--tenant", tail.Name);
        Assert.Equal(1, exit);
        Assert.Contains($"thiếu các dòng cuối, từ số {last} đến {last}", output, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Purge_RefusesLessThan12Months_AndRemovesOnlyTheOldPrefix_KeepingTheChainVerifiable()
    {
        var (refused, _, error) = await AuditCommandWithErrorAsync("purge", "--older-than-months", "6");
        Assert.Equal(2, refused);
        Assert.Contains("ít nhất 12 tháng", error, StringComparison.Ordinal);

        var tenant = UnlistedTenant();
        var now = DateTimeOffset.UtcNow;
        await InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            db.Set<AuditEntry>().Add(new AuditEntry { AtUtc = now.AddMonths(-15), Actor = "test", Action = "test.old" });
            db.Set<AuditEntry>().Add(new AuditEntry { AtUtc = now.AddMonths(-14), Actor = "test", Action = "test.old" });
            await db.SaveChangesAsync();
            await sp.GetRequiredService<IAuditLog>().WriteAsync("test.new");
            return 0;
        });

        // Even rows past the retention cannot be deleted by the app itself, only by the purge (PostgreSQL: no DELETE right).
        var result = await App.Services.GetRequiredService<AuditPurge>().PurgeAsync(tenant, now.AddMonths(-12));

        Assert.Null(result.Error);
        Assert.Equal(2, result.Deleted);
        Assert.Equal(3, result.FirstSequence);
        var rows = await RowsAsync(tenant);
        Assert.Equal(["test.new", AuditPurge.PurgeAction], rows.Select(r => r.Action));
        Assert.Equal([3L, 4L], rows.Select(r => r.Sequence));
        Assert.True((await VerifyAsync(tenant)).IsIntact);
    }

    [ProviderFact]
    public async Task AnOperatorCommand_RecordsTheOperatingSystemUser_AndNoClientAddress()
    {
        var name = "Sở Kiểm Toán " + Guid.NewGuid().ToString("N")[..6];
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await OperatorCommands.RunAsync(App.Services, ["tenants", "create", "--name", name, "--kind", "department"], new CommandConsole(output, errors, Path.GetTempPath()));
        Assert.True(exit == 0, errors.ToString());

        var entry = (await RowsAsync(Portal())).Last(e => e.Action == "tenant.create");
        Assert.Equal(Environment.UserName, entry.OsUser);
        Assert.Equal(HttpActorAccessor.System, entry.Actor);
        Assert.Null(entry.ClientAddress);
        Assert.Null(entry.UserId);
    }

    [ProviderFact]
    public async Task Viewer_FiltersAndPages_AndTheExportIsAWorkbookOfTheFilteredRows()
    {
        var marker = "test.viewer." + Guid.NewGuid().ToString("N")[..8];
        await WithPortalAsync(async sp =>
        {
            var audit = sp.GetRequiredService<IAuditLog>();
            for (var i = 1; i <= 55; i++)
            {
                audit.Add(marker, $"đối tượng {i}", i == 1 ? "=HYPERLINK(\"http://x\")" : $"chi tiết {i}");
            }

            await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
            return 0;
        });
        using var client = App.ClientFor(PortalAppFactory.HostOf("Default"));
        await SignInAsync(client, "admin", PortalAppFactory.AdminPassword);

        var today = VietnamTime.From(DateTimeOffset.UtcNow).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var first = await client.GetAsync(new Uri($"/admin/audit?action={marker}&from={today}&to={today}", UriKind.Relative));
        var html = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Tìm thấy 55 dòng", html, StringComparison.Ordinal);
        Assert.Contains("đối tượng 55", html, StringComparison.Ordinal);
        Assert.DoesNotContain("đối tượng 5<", html, StringComparison.Ordinal);
        Assert.Contains("p=2", html, StringComparison.Ordinal);

        var second = await client.GetStringAsync(new Uri($"/admin/audit?action={marker}&p=2", UriKind.Relative));
        Assert.Contains("đối tượng 5<", second, StringComparison.Ordinal);
        Assert.DoesNotContain("đối tượng 55", second, StringComparison.Ordinal);

        var badDay = await client.GetStringAsync(new Uri("/admin/audit?from=31/02/2026", UriKind.Relative));
        Assert.Contains("Từ ngày phải có dạng dd/MM/yyyy", badDay, StringComparison.Ordinal);

        var export = await client.GetAsync(new Uri($"/admin/audit?handler=Export&action={marker}&q=%C4%91%E1%BB%91i+t%C6%B0%E1%BB%A3ng", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(IndexModel.XlsxContentType, export.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Thao tác", sheet.Cell(1, 7).GetString());
        Assert.Equal(56, sheet.LastRowUsed().RowNumber());
        Assert.Equal(marker, sheet.Cell(2, 7).GetString());
        Assert.Equal("đối tượng 55", sheet.Cell(2, 8).GetString());
        // A formula typed into a field stays text in the export.
        Assert.Equal("=HYPERLINK(\"http://x\")", sheet.Cell(56, 9).GetString());
        Assert.False(sheet.Cell(56, 9).HasFormula);
        var exported = (await RowsAsync(Portal())).Last(e => e.Action == IndexModel.ExportAction);
        Assert.Equal("admin", exported.Actor);
        Assert.Contains(marker, exported.Details, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Viewer_RefusesAnEditorWithoutTheRight()
    {
        var site = await CreateTenantAsync("Sở Quyền Xem " + Guid.NewGuid().ToString("N")[..6]);
        const string Password = "Cong-Tac-2026-Vien";
        Assert.True((await InTenantAsync(site, sp => sp.GetRequiredService<IUserAccounts>().CreateUserAsync("congtacvien", null, Password, ["Cộng tác viên"]))).Succeeded);
        using var client = App.ClientFor(site.HostNames[0]);
        await SignInAsync(client, "congtacvien", Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/audit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/audit?handler=Export", UriKind.Relative))).StatusCode);
    }

    /// <summary>A tenant id of its own, not in the registry: only its trail matters (no foreign key ties rows to tenants).</summary>
    private static TenantDescriptor UnlistedTenant() =>
        new() { Id = TenantIds.New(), Name = "kiemtra" + Guid.NewGuid().ToString("N")[..8], DisplayName = "Kiểm tra nhật ký" };

    /// <summary>A provisioned site (so the command finds it) with <paramref name="count"/> more entries; First is the first of them.</summary>
    private async Task<(TenantDescriptor Tenant, long First)> ListedTrailAsync(int count)
    {
        var tenant = await CreateTenantAsync("Sở Nhật Ký " + Guid.NewGuid().ToString("N")[..6]);
        var first = (await RowsAsync(tenant)).Count + 1L;
        await WriteAsync(tenant, count);
        return (tenant, first);
    }

    private Task WriteAsync(TenantDescriptor tenant, int count) =>
        InTenantAsync(tenant, async sp =>
        {
            for (var i = 1; i <= count; i++)
            {
                await sp.GetRequiredService<IAuditLog>().WriteAsync("test.entry", $"dòng {i}", $"chi tiết {i}");
            }

            return 0;
        });

    private Task<List<AuditEntry>> RowsAsync(TenantDescriptor tenant) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    private Task<AuditVerification> VerifyAsync(TenantDescriptor tenant) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync());

    private async Task<(int Exit, string Output)> AuditCommandAsync(params string[] args)
    {
        var (exit, output, _) = await AuditCommandWithErrorAsync(args);
        return (exit, output);
    }

    private async Task<(int Exit, string Output, string Error)> AuditCommandWithErrorAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await OperatorCommands.RunAsync(App.Services, ["audit", .. args], new CommandConsole(output, errors, Path.GetTempPath()));
        return (exit, output.ToString(), errors.ToString());
    }
}

public sealed class SqliteAuditTrailTests(SqliteAppFactory app) : AuditTrailTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresAuditTrailTests(PostgresAppFactory app) : AuditTrailTests<PostgresAppFactory>(app);
