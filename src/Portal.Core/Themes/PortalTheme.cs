using Portal.Core.Tenancy;

namespace Portal.Core.Themes;

/// <summary>
/// A public theme: a Razor class library that brings the public layout (and later the
/// templates) of the sites that choose it (<see cref="TenantDescriptor.Theme"/>).
/// </summary>
public abstract class PortalTheme
{
    /// <summary>The name a tenant's settings use.</summary>
    public abstract string Name { get; }

    /// <summary>The application path of the theme's public layout, e.g. <c>/Views/Themes/Default/_Layout.cshtml</c>.</summary>
    public abstract string LayoutPath { get; }
}

/// <summary>The themes the host was built with; the first is the fallback for an unknown name.</summary>
public sealed class ThemeCatalog(IEnumerable<PortalTheme> themes)
{
    private readonly PortalTheme[] _themes = [.. themes];

    public IReadOnlyList<PortalTheme> Themes => _themes;

    public PortalTheme For(TenantDescriptor? tenant) =>
        _themes.FirstOrDefault(t => string.Equals(t.Name, tenant?.Theme, StringComparison.OrdinalIgnoreCase))
        ?? (_themes.Length > 0 ? _themes[0] : throw new InvalidOperationException("No theme is registered: the host must add one (AddPortalTheme)."));
}
