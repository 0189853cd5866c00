using Portal.Core.Modules;

namespace Portal.Modules.Site;

/// <summary>Trang công khai.</summary>
public sealed class SiteModule : PortalModule
{
    public override string Name => "Site";

    public override string DisplayName => "Trang công khai";

    public override bool IsAlwaysEnabled => true;
}
