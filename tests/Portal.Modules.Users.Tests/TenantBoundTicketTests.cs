using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Tests;

public sealed class TenantBoundTicketTests
{
    private static AuthenticationTicket TicketFor(TenantDescriptor tenant, string userName = "admin") =>
        new(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, userName), new Claim(TenantClaims.ClaimType, tenant.Id)],
            IdentityConstants.ApplicationScheme)),
            IdentityConstants.ApplicationScheme);

    private static TenantTicketDataFormat Format(UsersTestHost host) =>
        new(host.Services.GetRequiredService<IHttpContextAccessor>(), host.Services.GetRequiredService<IDataProtectionProvider>());

    [Fact]
    public async Task Ticket_RoundTripsOnItsTenant_AndDoesNotDecryptOnAnother()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var b = UsersTestHost.NewTenant("sotuphap");
        var format = Format(host);

        string protectedTicket;
        await using (host.Scope(a))
        {
            protectedTicket = format.Protect(TicketFor(a));
            var back = format.Unprotect(protectedTicket);
            Assert.NotNull(back);
            Assert.Equal("admin", back.Principal.Identity!.Name);
            Assert.Equal(a.Id, back.Principal.FindFirstValue(TenantClaims.ClaimType));
        }

        await using (host.Scope(b))
        {
            Assert.Null(format.Unprotect(protectedTicket));
        }
    }

    [Fact]
    public async Task Ticket_WithAPurpose_NeedsTheSamePurposeAndTenant()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var format = Format(host);

        await using var scope = host.Scope(a);
        var protectedTicket = format.Protect(TicketFor(a), "remember");
        Assert.NotNull(format.Unprotect(protectedTicket, "remember"));
        Assert.Null(format.Unprotect(protectedTicket));
    }

    [Fact]
    public async Task OutsideATenant_NoTicketIsReadAndNoneIsIssued()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var format = Format(host);
        string protectedTicket;
        await using (host.Scope(a))
        {
            protectedTicket = format.Protect(TicketFor(a));
        }

        await using var noTenant = host.Services.CreateAsyncScope();
        host.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { RequestServices = noTenant.ServiceProvider };
        Assert.Null(format.Unprotect(protectedTicket));
        Assert.Throws<InvalidOperationException>(() => format.Protect(TicketFor(a)));
    }

    [Fact]
    public void BelongsTo_AcceptsOnlyThePrincipalOfTheCurrentTenant()
    {
        var a = UsersTestHost.NewTenant("sotaichinh");
        var b = UsersTestHost.NewTenant("sotuphap");
        var principal = TicketFor(a).Principal;

        Assert.True(TenantClaims.BelongsTo(principal, a));
        Assert.False(TenantClaims.BelongsTo(principal, b));
        Assert.False(TenantClaims.BelongsTo(principal, null));
        Assert.False(TenantClaims.BelongsTo(new ClaimsPrincipal(new ClaimsIdentity("cookie")), a));
    }

    [Fact]
    public async Task ValidatePrincipal_RejectsAPrincipalOfAnotherTenant()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        var b = UsersTestHost.NewTenant("sotuphap");

        await using var scope = host.Scope(b);
        var httpContext = host.Services.GetRequiredService<IHttpContextAccessor>().HttpContext!;
        var context = await ValidateAsync(host, httpContext, TicketFor(a));

        Assert.Null(context.Principal);
        Assert.Contains("expires=Thu, 01 Jan 1970", httpContext.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidatePrincipal_KeepsAPrincipalOfItsOwnTenant_WhoseStampIsValid()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "admin");

        await using var scope = host.Scope(a);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var user = (await signIn.UserManager.FindByNameAsync("admin"))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var ticket = new AuthenticationTicket(principal, await SessionAsync(scope.ServiceProvider, user, TimeSpan.FromHours(1)), IdentityConstants.ApplicationScheme);

        var context = await ValidateAsync(host, signIn.Context, ticket);

        Assert.NotNull(context.Principal);
        Assert.Equal(a.Id, context.Principal.FindFirstValue(TenantClaims.ClaimType));
    }

    [Theory]
    [InlineData(9.0)]
    [InlineData(null)]
    public async Task ValidatePrincipal_RejectsASessionPastTheAbsoluteLimit_OrATicketWithoutASession(double? hoursAgo)
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "admin");

        await using var scope = host.Scope(a);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var user = (await signIn.UserManager.FindByNameAsync("admin"))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var properties = hoursAgo is { } hours ? await SessionAsync(scope.ServiceProvider, user, TimeSpan.FromHours(hours)) : new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow };
        var context = await ValidateAsync(host, signIn.Context, new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme));

        Assert.Null(context.Principal);
    }

    /// <summary>A session row started <paramref name="ago"/> and used just now, and the ticket properties naming it.</summary>
    private static async Task<AuthenticationProperties> SessionAsync(IServiceProvider services, PortalUser user, TimeSpan ago)
    {
        var id = await services.GetRequiredService<UserSessions>().StartAsync(user.Id, user.SecurityStamp!, null, null);
        var started = DateTimeOffset.UtcNow - ago;
        await services.GetRequiredService<PortalDbContext>().Set<UserSession>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedUtc, started));
        return new AuthenticationProperties { IssuedUtc = started, Items = { [SessionValidation.SessionIdKey] = id } };
    }

    [Fact]
    public async Task ValidatePrincipal_StillChecksTheSecurityStamp()
    {
        await using var host = new UsersTestHost();
        var a = UsersTestHost.NewTenant("sotaichinh");
        await host.CreateUserAsync(a, "admin");

        await using var scope = host.Scope(a);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var user = (await signIn.UserManager.FindByNameAsync("admin"))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var properties = await SessionAsync(scope.ServiceProvider, user, TimeSpan.FromMinutes(1));
        await signIn.UserManager.UpdateSecurityStampAsync(user);
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme);

        var context = await ValidateAsync(host, signIn.Context, ticket);

        Assert.Null(context.Principal);
    }

    private static async Task<CookieValidatePrincipalContext> ValidateAsync(UsersTestHost host, HttpContext httpContext, AuthenticationTicket ticket)
    {
        var schemes = host.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var scheme = (await schemes.GetSchemeAsync(IdentityConstants.ApplicationScheme))!;
        var options = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme.Name);
        var context = new CookieValidatePrincipalContext(httpContext, scheme, options, ticket);
        await options.Events.ValidatePrincipal(context);
        return context;
    }
}
