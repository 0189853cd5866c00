using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Data;
using Portal.Modules.Contents.Data;
using Portal.Modules.Contents.Models;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents;

public static class ContentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds an index table that <typeparamref name="TProvider"/> keeps in step with content items,
    /// and maps its shared columns. Configure the index's own columns in the module's model contributor.
    /// </summary>
    public static IServiceCollection AddContentIndex<TIndex, TProvider>(this IServiceCollection services)
        where TIndex : ContentIndexRow
        where TProvider : ContentIndexProvider<TIndex>
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IContentIndexProvider, TProvider>());
        services.AddModelContributor<ContentIndexModel<TIndex>>();
        return services;
    }
}
