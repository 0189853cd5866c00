using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Modules.Audit.Services;

namespace Portal.Modules.Audit;

/// <summary>The admin viewer of each site's audit trail (which Core keeps): filters, paging, XLSX export.</summary>
public sealed class AuditModule : PortalModule
{
    public override string Name => "Audit";

    public override string DisplayName => "Nhật ký hệ thống";

    /// <summary>Every site keeps an audit trail, so every site can read it.</summary>
    public override bool IsAlwaysEnabled => true;

    public override IEnumerable<Permission> Permissions => Audit.Permissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
        [new("Nhật ký hệ thống", "/admin/audit", Audit.Permissions.ViewAuditLog.Name, Order: 950)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<AuditQueries>();
}
