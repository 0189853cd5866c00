namespace Portal.Core.Tenancy;

/// <summary>What kind of unit a tenant is (TN Đ6.3, Đ6.4).</summary>
public enum TenantKind
{
    Province = 0,
    Department = 1,
    Commune = 2,
    Organisation = 3,
}

/// <summary>A tenant's lifecycle state; a disabled tenant answers 503.</summary>
public enum TenantState
{
    Running = 0,
    Disabled = 1,
}

/// <summary>
/// An immutable snapshot of one tenant's settings, as held by the in-memory registry.
/// A tenant is data: no container, no warm-up, so thousands fit in one process.
/// </summary>
public sealed record TenantDescriptor
{
    /// <summary>The name of the province portal's tenant; the only one that manages tenants.</summary>
    public const string DefaultName = "Default";

    /// <summary>Stable id (never reused); cache keys and data rows carry this, never the name.</summary>
    public required string Id { get; init; }

    /// <summary>Technical name: <c>Default</c> or the host label (<c>sotaichinh</c>).</summary>
    public required string Name { get; init; }

    public required string DisplayName { get; init; }
    public TenantKind Kind { get; init; }
    public TenantState State { get; init; }
    public IReadOnlyList<string> HostNames { get; init; } = [];

    /// <summary>Optional first path segment that selects this tenant (<c>/sotuphap</c>).</summary>
    public string? UrlPrefix { get; init; }

    public IReadOnlyList<string> Cultures { get; init; } = ["vi"];
    public string Theme { get; init; } = "Default";
    public IReadOnlyList<string> EnabledModules { get; init; } = [];
    public string? ParentId { get; init; }

    /// <summary>Networks (CIDR) from which <c>/admin</c> may be used; empty = from anywhere.</summary>
    public IReadOnlyList<string> AdminNetworks { get; init; } = [];

    /// <summary>Changes whenever the settings change; part of cache keys for derived output.</summary>
    public long Version { get; init; }

    public bool IsDefault => string.Equals(Name, DefaultName, StringComparison.Ordinal);
    public bool IsRunning => State == TenantState.Running;

    public bool IsModuleEnabled(string moduleName) =>
        EnabledModules.Contains(moduleName, StringComparer.OrdinalIgnoreCase);
}
