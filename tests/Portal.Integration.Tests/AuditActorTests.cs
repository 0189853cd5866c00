using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Pages.Admin;

namespace Portal.Integration.Tests;

/// <summary>Who and where an audit entry names, behind the reverse proxy: the user's id and name and the browser's address, not the proxy's.</summary>
public sealed class AuditActorTests(SecurityAppFactory app) : IClassFixture<SecurityAppFactory>
{
    private const string Site = "sotaichinh";

    [Fact]
    public async Task SignInAndOut_BehindTheKnownProxy_AreAuditedWithTheUserAndTheRealClientAddress()
    {
        var browser = "198.51.100." + Random.Shared.Next(1, 250);
        using var client = app.ClientFrom(PortalAppFactory.HostOf(Site), SecurityAppFactory.KnownProxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", browser);

        await client.SignInAsync("admin", PortalAppFactory.AdminPassword);
        var signedOut = await client.PostFormAsync("/admin", "/admin/logout", new Dictionary<string, string>());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedOut.StatusCode);

        var site = app.Services.GetRequiredService<ITenantDirectory>().FindByName(Site)!;
        var (entries, adminId) = await app.InTenantAsync(site, async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var rows = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.ClientAddress == browser).OrderBy(e => e.Sequence).ToListAsync();
            var id = await db.Set<PortalUser>().Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            return (rows, id);
        });

        var signIn = Assert.Single(entries, e => e.Action == LoginModel.SignedInAction);
        Assert.Equal("admin", signIn.Subject);
        var signOut = Assert.Single(entries, e => e.Action == LogoutModel.SignedOutAction);
        Assert.Equal("admin", signOut.Actor);
        Assert.Equal(adminId, signOut.UserId);
        Assert.Null(signOut.OsUser);
        Assert.DoesNotContain(entries, e => e.ClientAddress == SecurityAppFactory.KnownProxy);
    }
}
