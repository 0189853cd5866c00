using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;

namespace Portal.Modules.Users.Services;

/// <summary>
/// Protects authentication tickets with a key purpose that includes the current tenant's id, so
/// a cookie minted on one tenant cannot even be decrypted on another (one key ring serves all).
/// The tenant is looked up per call: the cookie options are one singleton for every tenant.
/// </summary>
public sealed class TenantTicketDataFormat(IHttpContextAccessor httpContextAccessor, IDataProtectionProvider dataProtection)
    : ISecureDataFormat<AuthenticationTicket>
{
    public const string Purpose = "Portal.Users.AuthCookie";

    public string Protect(AuthenticationTicket data) => Protect(data, purpose: null);

    public string Protect(AuthenticationTicket data, string? purpose) =>
        (CreateFormat() ?? throw new InvalidOperationException("An authentication ticket can only be issued within a tenant."))
        .Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    // Outside a tenant no ticket is valid; a ticket of another tenant fails to decrypt and yields null.
    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose) =>
        CreateFormat()?.Unprotect(protectedText, purpose);

    private TicketDataFormat? CreateFormat()
    {
        var tenantId = httpContextAccessor.HttpContext?.RequestServices?.GetService<ICurrentTenant>()?.Tenant?.Id;
        return tenantId is null ? null : new TicketDataFormat(dataProtection.CreateProtector(Purpose, tenantId));
    }
}
