using System.Reflection;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Core.Modules;

/// <summary>The modules the host was built with, and what a tenant may see of them.</summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<Assembly, PortalModule> _byAssembly;

    public ModuleCatalog(IEnumerable<PortalModule> modules)
    {
        Modules = modules.ToList();
        var duplicate = Modules.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Module '{duplicate.Key}' is registered twice.");
        }

        // One module per class library is the rule; an assembly holding several (tests) maps to none.
        _byAssembly = Modules.GroupBy(m => m.GetType().Assembly).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
    }

    public IReadOnlyList<PortalModule> Modules { get; }

    public PortalModule? Find(string name) =>
        Modules.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    public PortalModule? FindByAssembly(Assembly assembly) => _byAssembly.GetValueOrDefault(assembly);

    public IEnumerable<Permission> AllPermissions => Modules.SelectMany(m => m.Permissions);

    public bool IsEnabled(TenantDescriptor tenant, PortalModule module) =>
        module.IsAlwaysEnabled || tenant.IsModuleEnabled(module.Name);

    public bool IsEnabled(TenantDescriptor tenant, ModuleEndpointMetadata module) =>
        module.IsAlwaysEnabled || tenant.IsModuleEnabled(module.ModuleName);

    /// <summary>Menu entries of the modules enabled for the tenant, in display order.</summary>
    public IEnumerable<AdminMenuItem> AdminMenuFor(TenantDescriptor tenant) =>
        Modules.Where(m => IsEnabled(tenant, m))
            .SelectMany(m => m.AdminMenu)
            .Where(i => !i.DefaultTenantOnly || tenant.IsDefault)
            .OrderBy(i => i.Order)
            .ThenBy(i => i.Text, StringComparer.Ordinal);
}
