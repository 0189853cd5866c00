using Microsoft.AspNetCore.Identity;
using Portal.Core.Tenancy;

namespace Portal.Modules.Users.Models;

/// <summary>An account of one tenant; the same user name in another tenant is another account.</summary>
public sealed class PortalUser : IdentityUser, ITenantOwned
{
    public string TenantId { get; set; } = "";
    public DateTimeOffset? CreatedUtc { get; set; }
    public DateTimeOffset? LastSignInUtc { get; set; }

    /// <summary>When the password was last set (null for accounts older than this column: <see cref="CreatedUtc"/> counts).</summary>
    public DateTimeOffset? PasswordChangedUtc { get; set; }

    /// <summary>
    /// The password was generated or set by someone else: until its owner changes it, every admin
    /// request goes to the change page. Never set for a password an operator chose for themselves.
    /// </summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>The hash of a password an account had, so the tenant's rules can refuse reusing the last ones.</summary>
public sealed class PasswordHistoryEntry : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>A role of one tenant; its <c>permission</c> claims are the permissions it grants.</summary>
public sealed class PortalRole : IdentityRole, ITenantOwned
{
    public PortalRole()
    {
    }

    public PortalRole(string roleName)
        : base(roleName)
    {
    }

    public string TenantId { get; set; } = "";
    public string? Description { get; set; }
}

public sealed class PortalUserRole : IdentityUserRole<string>, ITenantOwned
{
    public string TenantId { get; set; } = "";
}

public sealed class PortalUserClaim : IdentityUserClaim<string>, ITenantOwned
{
    public string TenantId { get; set; } = "";
}

public sealed class PortalRoleClaim : IdentityRoleClaim<string>, ITenantOwned
{
    public string TenantId { get; set; } = "";
}

public sealed class PortalUserLogin : IdentityUserLogin<string>, ITenantOwned
{
    public string TenantId { get; set; } = "";
}

public sealed class PortalUserToken : IdentityUserToken<string>, ITenantOwned
{
    public string TenantId { get; set; } = "";
}
