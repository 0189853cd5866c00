using Portal.Core.Modules;

namespace Portal.Modules.Menus;

/// <summary>Trình đơn.</summary>
public sealed class MenusModule : PortalModule
{
    public override string Name => "Menus";

    public override string DisplayName => "Trình đơn";

    public override bool IsAlwaysEnabled => true;
}
