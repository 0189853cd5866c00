using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Data;

/// <summary>Identity's EF user store over the shared portal context; the tenant filter scopes every query.</summary>
public sealed class PortalUserStore(PortalDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<PortalUser, PortalRole, PortalDbContext, string, PortalUserClaim, PortalUserRole, PortalUserLogin, PortalUserToken, PortalRoleClaim>(context, describer)
{
    // The tenant is part of the login's key, so it must be known before the row is tracked.
    protected override PortalUserLogin CreateUserLogin(PortalUser user, UserLoginInfo login)
    {
        var row = base.CreateUserLogin(user, login);
        row.TenantId = user.TenantId;
        return row;
    }
}

/// <summary>Identity's EF role store over the shared portal context.</summary>
public sealed class PortalRoleStore(PortalDbContext context, IdentityErrorDescriber? describer = null)
    : RoleStore<PortalRole, PortalDbContext, string, PortalUserRole, PortalRoleClaim>(context, describer);
