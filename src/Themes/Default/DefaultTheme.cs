using Portal.Core.Themes;

namespace Portal.Themes.Default;

/// <summary>The province's public theme: a plain, accessible layout with the site's name and a way home.</summary>
public sealed class DefaultTheme : PortalTheme
{
    public override string Name => "Default";

    public override string LayoutPath => "/Views/Themes/Default/_Layout.cshtml";

    /// <summary>The theme's stylesheet, carried inline by its pages (<see cref="InlineStylesheets"/>).</summary>
    public const string Stylesheet = "/_content/Portal.Themes.Default/site.css";
}
