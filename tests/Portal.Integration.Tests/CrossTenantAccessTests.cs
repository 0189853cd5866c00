using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Tenants.Services;
using Portal.Modules.Users.Models;

namespace Portal.Integration.Tests;

/// <summary>
/// The cross-tenant service: only a caller of the province portal (or of an ancestor of the target)
/// holding AccessOtherTenants gets through; its reads cannot write; its writes are explicit and audited.
/// </summary>
public abstract class CrossTenantAccessTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    [ProviderFact]
    public async Task Read_FromTheProvincePortal_WithThePermission_SeesTheTargetsData_AndIsAuditedWithItsReason()
    {
        var portal = app.Portal();
        var ward = app.Tenant("phandinhphung");
        var reason = "Báo cáo tuân thủ tháng " + Guid.NewGuid().ToString("N")[..6];

        var count = await app.InTenantAsync(portal, sp => sp.GetRequiredService<ICrossTenantAccess>().ReadAsync(
            Caller(portal, CrossTenantPermissions.AccessOtherTenants.Name), ward, reason,
            read => read.GetRequiredService<PortalDbContext>().Set<ContentItem>().CountAsync()));

        Assert.True(count > 0);
        var entry = Assert.Single(await TrailAsync(portal), e => e.Details == reason);
        Assert.Equal(CrossTenantAccess.AuditAction, entry.Action);
        Assert.Equal(ward.Name, entry.Subject);
        Assert.Equal(portal.Id, entry.TenantId);
    }

    [ProviderFact]
    public async Task Read_FromAComponentSite_IsRefused_AndTheRefusalIsAudited()
    {
        var finance = app.Tenant("sotaichinh");
        var ward = app.Tenant("phandinhphung");
        var reason = "Xem thử " + Guid.NewGuid().ToString("N")[..6];
        var ran = false;

        var error = await Assert.ThrowsAsync<CrossTenantAccessDeniedException>(() => app.InTenantAsync(finance, sp =>
            sp.GetRequiredService<ICrossTenantAccess>().ReadAsync(Caller(finance, PermissionPolicies.All), ward, reason, _ => Task.FromResult(ran = true))));

        Assert.False(ran);
        Assert.Contains("chỉ Cổng thông tin của tỉnh hoặc đơn vị cấp trên", error.Message, StringComparison.Ordinal);
        var entry = Assert.Single(await TrailAsync(finance), e => e.Details != null && e.Details.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(CrossTenantAccess.DeniedAuditAction, entry.Action);
        Assert.DoesNotContain(await TrailAsync(finance), e => e.Action == CrossTenantAccess.AuditAction && e.Details == reason);
    }

    [ProviderFact]
    public async Task Read_WithoutThePermission_OrWithAnotherTenantsSignIn_IsRefused()
    {
        var portal = app.Portal();
        var ward = app.Tenant("phandinhphung");
        var access = (IServiceProvider sp) => sp.GetRequiredService<ICrossTenantAccess>();

        var noRight = await Assert.ThrowsAsync<CrossTenantAccessDeniedException>(() => app.InTenantAsync(portal, sp =>
            access(sp).ReadAsync(Caller(portal, AdminPermissions.AccessAdmin.Name, "ManageTenants"), ward, "báo cáo", _ => Task.FromResult(0))));
        var foreign = await Assert.ThrowsAsync<CrossTenantAccessDeniedException>(() => app.InTenantAsync(portal, sp =>
            access(sp).ReadAsync(Caller(ward, PermissionPolicies.All), ward, "báo cáo", _ => Task.FromResult(0))));
        var anonymous = await Assert.ThrowsAsync<CrossTenantAccessDeniedException>(() => app.InTenantAsync(portal, sp =>
            access(sp).ReadAsync(new ClaimsPrincipal(new ClaimsIdentity()), ward, "báo cáo", _ => Task.FromResult(0))));

        Assert.Contains("cần quyền \"Truy cập dữ liệu của các trang khác\"", noRight.Message, StringComparison.Ordinal);
        Assert.Contains("không đăng nhập vào trang đang yêu cầu", foreign.Message, StringComparison.Ordinal);
        Assert.Contains("không đăng nhập vào trang đang yêu cầu", anonymous.Message, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Read_FromAnAncestorOfTheTarget_IsAllowed()
    {
        var finance = app.Tenant("sotaichinh");
        var child = (await app.InTenantAsync(finance, sp => sp.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest("Chi cục Tài chính " + Guid.NewGuid().ToString("N")[..6], TenantKind.Organisation), finance))).Tenant!;
        Assert.Equal(finance.Id, child.ParentId);

        var users = await app.InTenantAsync(finance, sp => sp.GetRequiredService<ICrossTenantAccess>().ReadAsync(
            Caller(finance, CrossTenantPermissions.AccessOtherTenants.Name), child, "Tổng hợp tài khoản của đơn vị trực thuộc",
            read => read.GetRequiredService<PortalDbContext>().Set<PortalUser>().Select(u => u.UserName).ToListAsync()));

        Assert.Equal(["admin"], users);
    }

    [ProviderFact]
    public async Task WriteInsideARead_FailsInTheDatabase_AndLeavesNothing()
    {
        var portal = app.Portal();
        var ward = app.Tenant("phandinhphung");
        var marker = "ghi-trong-luc-doc-" + Guid.NewGuid().ToString("N")[..6];
        var before = (await TrailAsync(ward)).Count;

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => app.InTenantAsync(portal, sp => sp.GetRequiredService<ICrossTenantAccess>().ReadAsync(
            Caller(portal, PermissionPolicies.All), ward, "báo cáo",
            async read =>
            {
                await read.GetRequiredService<IAuditLog>().WriteAsync("test.write", marker);
                return 0;
            })));
        // The database refuses it (read-only transaction / query_only), whether EF wraps the error or not.
        Assert.True(refused is System.Data.Common.DbException || refused.InnerException is System.Data.Common.DbException, refused.ToString());
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => app.InTenantAsync(portal, sp => sp.GetRequiredService<ICrossTenantAccess>().ReadAsync(
            Caller(portal, PermissionPolicies.All), ward, "báo cáo",
            read => read.GetRequiredService<PortalDbContext>().Set<PortalRole>().ExecuteUpdateAsync(r => r.SetProperty(x => x.ConcurrencyStamp, x => x.ConcurrencyStamp)))));

        var after = await TrailAsync(ward);
        Assert.Equal(before, after.Count);
        Assert.DoesNotContain(after, e => e.Subject == marker);
        // The connection the read used is writable again for everyone else (SQLite keeps it in a pool).
        await app.InTenantAsync(ward, async sp =>
        {
            await sp.GetRequiredService<IAuditLog>().WriteAsync("test.write", marker);
            return 0;
        });
        Assert.Contains(await TrailAsync(ward), e => e.Subject == marker);
    }

    [ProviderFact]
    public async Task ExplicitWrite_ChangesTheTarget_AndIsAuditedInBothTrails()
    {
        var portal = app.Portal();
        var science = app.Tenant("sokhoahoccongnghe");
        var role = "Cán bộ tiếp nhận " + Guid.NewGuid().ToString("N")[..6];
        var reason = "Phân công tiếp nhận câu hỏi của công dân";

        await app.InTenantAsync(portal, sp => sp.GetRequiredService<ICrossTenantAccess>().WriteAsync(
            Caller(portal, CrossTenantPermissions.AccessOtherTenants.Name), science, "role.create", reason,
            async write => (await write.GetRequiredService<RoleManager<PortalRole>>().CreateAsync(new PortalRole { Name = role })).Succeeded));

        Assert.True(await app.InTenantAsync(science, sp => sp.GetRequiredService<PortalDbContext>().Set<PortalRole>().AnyAsync(r => r.Name == role)));
        var there = Assert.Single(await TrailAsync(science), e => e.Action == CrossTenantAccess.WriteAuditAction && e.Details == $"role.create: {reason}");
        Assert.Equal(portal.Name, there.Subject);
        var here = Assert.Single(await TrailAsync(portal), e => e.Action == CrossTenantAccess.WriteAuditAction && e.Subject == science.Name && e.Details == $"role.create: {reason}");
        Assert.Equal(portal.Id, here.TenantId);
    }

    /// <summary>A principal signed in to <paramref name="tenant"/> holding <paramref name="permissions"/>, as the Users module issues it.</summary>
    private static ClaimsPrincipal Caller(TenantDescriptor tenant, params string[] permissions) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "kiemthu"), new Claim(PortalClaimTypes.TenantId, tenant.Id), .. permissions.Select(p => new Claim(PermissionPolicies.ClaimType, p))],
            authenticationType: "Test"));

    private Task<List<AuditEntry>> TrailAsync(TenantDescriptor tenant) =>
        app.InTenantAsync(tenant, sp => sp.GetRequiredService<PortalDbContext>().Set<AuditEntry>().AsNoTracking().ToListAsync());
}

public sealed class SqliteCrossTenantAccessTests(SqliteAppFactory app) : CrossTenantAccessTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresCrossTenantAccessTests(PostgresAppFactory app) : CrossTenantAccessTests<PostgresAppFactory>(app);
