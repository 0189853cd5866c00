using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Portal.Core.Modules;

/// <summary>Tags every Razor Page of a module's assembly with the module's metadata, for the module gate.</summary>
public sealed class ModulePageConvention(ModuleCatalog catalog) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var module = catalog.FindByAssembly(model.HandlerType.Assembly) ?? catalog.FindByAssembly(model.PageType.Assembly);
        if (module is not null)
        {
            model.EndpointMetadata.Add(new ModuleEndpointMetadata(module.Name, module.IsAlwaysEnabled));
        }
    }
}
