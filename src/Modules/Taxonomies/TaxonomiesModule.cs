using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Taxonomies.Abstractions;
using Portal.Modules.Taxonomies.Data;
using Portal.Modules.Taxonomies.Data.Migrations;
using Portal.Modules.Taxonomies.Recipes;
using Portal.Modules.Taxonomies.Services;

namespace Portal.Modules.Taxonomies;

/// <summary>Phân loại (chuyên mục, thẻ): nested, ordered terms per tenant, their admin editor and recipe step.</summary>
public sealed class TaxonomiesModule : PortalModule
{
    public override string Name => "Taxonomies";

    public override string DisplayName => "Phân loại (chuyên mục, thẻ)";

    public override bool IsAlwaysEnabled => true;

    public override IEnumerable<Permission> Permissions => Taxonomies.Permissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
        [new("Chuyên mục, thẻ", "/admin/taxonomies", Taxonomies.Permissions.ManageTaxonomies.Name, Order: 150)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<TaxonomiesModel>();
        services.AddModuleMigrations<TaxonomiesSqliteMigrations, TaxonomiesPostgresMigrations>();
        services.AddMemoryCache();
        services.AddScoped<TaxonomyService>();
        services.AddScoped<ITaxonomyService>(sp => sp.GetRequiredService<TaxonomyService>());
        // The content editor's term picker (Contents does not reference this module).
        services.AddScoped<ITaxonomyTermSource>(sp => sp.GetRequiredService<TaxonomyService>());
        services.AddScoped<TaxonomyEditor>();
        services.AddRecipeStep<TaxonomiesStep>();
    }
}
