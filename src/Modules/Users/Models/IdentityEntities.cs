using Microsoft.AspNetCore.Identity;
using Portal.Core.Tenancy;

namespace Portal.Modules.Users.Models;

/// <summary>An account of one tenant; the same user name in another tenant is another account.</summary>
public sealed class PortalUser : IdentityUser, ITenantOwned
{
    public string TenantId { get; set; } = "";
    public DateTimeOffset? CreatedUtc { get; set; }
    public DateTimeOffset? LastSignInUtc { get; set; }
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

/// <summary>
/// One sign-in (a browser holding a cookie): the cookie carries <see cref="Id"/>, and every request
/// checks the row is live. Ending the row ends that session only; the account's other sessions stay.
/// </summary>
public sealed class UserSession : ITenantOwned
{
    public const int IdLength = 32;
    public const int ClientAddressLength = 45;
    public const int UserAgentLength = 256;
    public const int EndedByLength = 256;
    public const int EndReasonLength = 32;

    public string TenantId { get; set; } = "";

    /// <summary>32 random hexadecimal characters.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The account's security stamp when the session started: a newer stamp (password, lock, roles) ends it.</summary>
    public string SecurityStamp { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>The last request seen, written at most once a minute.</summary>
    public DateTimeOffset LastSeenUtc { get; set; }

    public string? ClientAddress { get; set; }

    /// <summary>The browser's <c>User-Agent</c>, cut to <see cref="UserAgentLength"/> characters.</summary>
    public string? UserAgent { get; set; }

    public DateTimeOffset? EndedUtc { get; set; }

    /// <summary>Who ended it (a user name, or <c>system</c> for a limit).</summary>
    public string? EndedBy { get; set; }

    /// <summary>One of <see cref="SessionEndReasons"/>.</summary>
    public string? EndReason { get; set; }
}

/// <summary>Why a session ended.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed-out";
    public const string Ended = "ended";
    public const string Idle = "idle";
    public const string Absolute = "absolute";
    public const string Revoked = "revoked";
}
