using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Core.Security;

namespace Portal.Core.Modules;

/// <summary>
/// The entry class of a module: one per class library. The host lists its modules by
/// reference (no scanning of folders); a tenant's settings say which are enabled for it.
/// </summary>
public abstract class PortalModule
{
    /// <summary>Technical name, as listed in a tenant's enabled modules.</summary>
    public abstract string Name { get; }

    /// <summary>Vietnamese name shown to administrators.</summary>
    public abstract string DisplayName { get; }

    /// <summary>Platform modules every tenant needs; they cannot be disabled.</summary>
    public virtual bool IsAlwaysEnabled => false;

    public virtual IEnumerable<Permission> Permissions => [];

    public virtual IEnumerable<AdminMenuItem> AdminMenu => [];

    /// <summary>Registers services, EF model contributors, recipe steps and jobs.</summary>
    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>
    /// Maps the module's minimal-API endpoints. The group carries the module's metadata, so a
    /// tenant that has not enabled the module gets 404 from them.
    /// </summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
