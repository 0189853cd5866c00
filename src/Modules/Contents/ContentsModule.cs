using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Admin;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Admin;
using Portal.Modules.Contents.Data;
using Portal.Modules.Contents.Data.Migrations;
using Portal.Modules.Contents.Recipes;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents;

/// <summary>
/// Content items and their versions, content types, parts, fields, handlers and index tables, and
/// the recipe steps that provision them. What other modules may use is in
/// <see cref="Portal.Modules.Contents.Abstractions"/>; the rest is internal.
/// </summary>
public sealed class ContentsModule : PortalModule
{
    public override string Name => "Contents";

    public override string DisplayName => "Nội dung";

    public override bool IsAlwaysEnabled => true;

    public override IEnumerable<Permission> Permissions => Contents.Permissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Nội dung", "/admin/contents", Contents.Permissions.EditContent.Name, Order: 100),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<ContentsModel>();
        services.AddModuleMigrations<ContentsSqliteMigrations, ContentsPostgresMigrations>();
        services.AddSingleton<IHtmlSanitizerService, HtmlSanitizerService>();
        services.AddSingleton<ContentTypeDefinitionValidator>();
        services.AddSingleton<ContentBodyProcessor>();
        services.AddScoped<IContentDefinitionStore, ContentDefinitionStore>();
        services.AddScoped<IContentManager, ContentManager>();
        services.AddScoped<IContentVersionDiff, ContentVersionDiff>();
        services.AddScoped<IContentRouteLookup, ContentRouteLookup>();

        services.AddContentPart<TitlePart>().WithEditor<TitlePartEditor>();
        services.AddContentPart<BodyPart>().WithEditor<BodyPartEditor>();
        services.AddContentPart<RoutePart>().WithIndex<RouteIndex, RouteIndexProvider>().WithEditor<RoutePartEditor>();
        AddFieldTypes(services);
        services.AddContentHandler<ContentListIndexHandler>();
        services.AddScoped<ContentListQuery>();
        services.AddScoped<ContentAdmin>();

        services.AddRecipeStep<ContentTypesStep>();
        services.AddRecipeStep<ContentStep>();
    }

    private static void AddFieldTypes(IServiceCollection services) => services
        .AddContentFieldType<TextFieldType>()
        .AddContentFieldType<MultilineTextFieldType>()
        .AddContentFieldType<HtmlFieldType>()
        .AddContentFieldType<NumberFieldType>()
        .AddContentFieldType<BooleanFieldType>()
        .AddContentFieldType<DateFieldType>()
        .AddContentFieldType<DateTimeFieldType>()
        .AddContentFieldType<LinkFieldType>()
        .AddContentFieldType<MediaFieldType>()
        .AddContentFieldType<MediaListFieldType>()
        .AddContentFieldType<ContentPickerFieldType>()
        .AddContentFieldType<TaxonomyFieldType>();
}
