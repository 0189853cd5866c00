using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Data;
using Portal.Modules.Contents.Data;
using Portal.Modules.Contents.Services;

namespace Portal.Modules.Contents.Abstractions;

/// <summary>How a module plugs into the content store: parts, their index tables, editors and handlers, field types, event sinks.</summary>
public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TPart"/> as a part content types may list (under its class name;
    /// its Vietnamese name from <see cref="System.ComponentModel.DisplayNameAttribute"/>), and returns a
    /// builder for its index tables, editor and handlers. Calling it again for the same part
    /// returns a builder for the same registration (e.g. to index a built-in part).
    /// </summary>
    public static ContentPartBuilder<TPart> AddContentPart<TPart>(this IServiceCollection services) where TPart : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddContentRegistry();
        services.Configure<ContentRegistryOptions>(o => o.Part(typeof(TPart)));
        return new ContentPartBuilder<TPart>(services);
    }

    /// <summary>
    /// Adds an index table of every content item, whatever its type's parts (e.g. the admin list);
    /// prefer <see cref="ContentPartBuilder{TPart}.WithIndex{TIndex, TProvider}"/> for what a part holds.
    /// </summary>
    public static IServiceCollection AddContentIndex<TIndex, TProvider>(this IServiceCollection services)
        where TIndex : ContentIndexRow
        where TProvider : ContentIndexProvider<TIndex>
    {
        services.AddContentRegistry();
        services.TryAddScoped<TProvider>();
        services.AddModelContributor<ContentIndexModel<TIndex>>();
        services.Configure<ContentRegistryOptions>(o => o.AddItemIndex(typeof(TProvider), ContentIndexTable.For<TIndex>()));
        return services;
    }

    /// <summary>Adds a handler that runs for every content item, in registration order with the parts' handlers.</summary>
    public static IServiceCollection AddContentHandler<THandler>(this IServiceCollection services) where THandler : class, IContentHandler
    {
        services.AddContentRegistry();
        services.TryAddScoped<THandler>();
        services.Configure<ContentRegistryOptions>(o => o.AddHandler(typeof(THandler), part: null));
        return services;
    }

    /// <summary>Adds a sink for the events raised after a content change is committed.</summary>
    public static IServiceCollection AddContentEventSink<TSink>(this IServiceCollection services) where TSink : class, IContentEventSink
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IContentEventSink, TSink>());
        return services;
    }

    /// <summary>Adds a field type content types may use; its name must not be taken.</summary>
    public static IServiceCollection AddContentFieldType<TFieldType>(this IServiceCollection services) where TFieldType : class, IContentFieldType
    {
        services.AddContentRegistry();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContentFieldType, TFieldType>());
        return services;
    }

    private static void AddContentRegistry(this IServiceCollection services)
    {
        services.AddOptions<ContentRegistryOptions>();
        services.TryAddSingleton<ContentPartRegistry>();
        services.TryAddSingleton<IContentPartRegistry>(sp => sp.GetRequiredService<ContentPartRegistry>());
    }
}

/// <summary>Continues the registration of one part: <c>AddContentPart&lt;P&gt;().WithIndex&lt;I, IP&gt;().WithEditor&lt;E&gt;().AddHandler&lt;H&gt;()</c>.</summary>
public sealed class ContentPartBuilder<TPart> where TPart : class
{
    private readonly IServiceCollection _services;

    internal ContentPartBuilder(IServiceCollection services) => _services = services;

    public IServiceCollection Services => _services;

    /// <summary>
    /// Adds the index table <typeparamref name="TIndex"/> (its shared columns are mapped here; map its own
    /// columns in the module's model contributor) kept by <typeparamref name="TProvider"/> for items whose
    /// type has this part.
    /// </summary>
    public ContentPartBuilder<TPart> WithIndex<TIndex, TProvider>()
        where TIndex : ContentIndexRow
        where TProvider : ContentIndexProvider<TIndex>
    {
        _services.TryAddScoped<TProvider>();
        _services.AddModelContributor<ContentIndexModel<TIndex>>();
        _services.Configure<ContentRegistryOptions>(o => o.Part(typeof(TPart)).AddIndex(typeof(TProvider), ContentIndexTable.For<TIndex>()));
        return this;
    }

    /// <summary>Names the part's editor in the content admin.</summary>
    public ContentPartBuilder<TPart> WithEditor<TEditor>() where TEditor : class, IContentPartEditor
    {
        _services.TryAddScoped<TEditor>();
        _services.Configure<ContentRegistryOptions>(o => o.Part(typeof(TPart)).EditorType = typeof(TEditor));
        return this;
    }

    /// <summary>Adds a lifecycle handler that runs for items whose type has this part (registration order, see <see cref="IContentHandler"/>).</summary>
    public ContentPartBuilder<TPart> AddHandler<THandler>() where THandler : class, IContentHandler
    {
        _services.TryAddScoped<THandler>();
        _services.Configure<ContentRegistryOptions>(o => o.AddHandler(typeof(THandler), typeof(TPart).Name));
        return this;
    }
}
