using Portal.Core.Modules;
using Portal.Core.Security;

namespace Portal.Modules.Users.Pages.Admin.Roles;

/// <summary>Vietnamese labels of permission names, from the modules the host was built with.</summary>
public sealed class PermissionLabels(ModuleCatalog catalog)
{
    public const string AllLabel = "Toàn quyền";

    private readonly Dictionary<string, string> _labels = catalog.AllPermissions
        .GroupBy(p => p.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.Ordinal);

    public IEnumerable<IGrouping<string, Permission>> Groups =>
        catalog.AllPermissions.DistinctBy(p => p.Name).GroupBy(p => p.Group).OrderBy(g => g.Key, StringComparer.Ordinal);

    public bool IsKnown(string permission) => _labels.ContainsKey(permission);

    // A permission of a module no longer in the host keeps its technical name.
    public string LabelOf(string permission) =>
        permission == PermissionPolicies.All ? AllLabel : _labels.GetValueOrDefault(permission, permission);
}
