using Portal.Core.Tenancy;

namespace Portal.Modules.Tenants.Models;

/// <summary>A tenant's settings as stored. Not tenant-owned: the registry reads all of them.</summary>
public sealed class TenantRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public TenantKind Kind { get; set; }
    public TenantState State { get; set; }
    public List<string> HostNames { get; set; } = [];
    public string? UrlPrefix { get; set; }
    public List<string> Cultures { get; set; } = ["vi"];
    public string Theme { get; set; } = "Default";
    public List<string> EnabledModules { get; set; } = [];
    public string? ParentId { get; set; }

    /// <summary>Networks (CIDR) from which the tenant's admin may be used; empty = from anywhere.</summary>
    public List<string> AdminNetworks { get; set; } = [];

    /// <summary>The recipe the tenant was provisioned from.</summary>
    public string? Recipe { get; set; }

    /// <summary>Bumped on every change; the registry reloads when the highest version moves.</summary>
    public long Version { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset ModifiedUtc { get; set; }

    public TenantDescriptor ToDescriptor() => new()
    {
        Id = Id,
        Name = Name,
        DisplayName = DisplayName,
        Kind = Kind,
        State = State,
        HostNames = HostNames.ToArray(),
        UrlPrefix = UrlPrefix,
        Cultures = Cultures.ToArray(),
        Theme = Theme,
        EnabledModules = EnabledModules.ToArray(),
        ParentId = ParentId,
        AdminNetworks = AdminNetworks.ToArray(),
        Version = Version,
    };
}
