using Portal.Core.Modules;

namespace Portal.Modules.Taxonomies;

/// <summary>Phân loại (chuyên mục, thẻ).</summary>
public sealed class TaxonomiesModule : PortalModule
{
    public override string Name => "Taxonomies";

    public override string DisplayName => "Phân loại (chuyên mục, thẻ)";

    public override bool IsAlwaysEnabled => true;
}
