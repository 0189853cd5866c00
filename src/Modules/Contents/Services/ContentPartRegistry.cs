using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Options;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

/// <summary>What <c>AddContentPart</c>, <c>AddHandler</c> and <c>WithIndex</c> record, in call order.</summary>
internal sealed class ContentRegistryOptions
{
    public List<PartRegistration> Parts { get; } = [];

    public List<HandlerRegistration> Handlers { get; } = [];

    /// <summary>Index tables of every item, whatever its parts.</summary>
    public List<IndexRegistration> ItemIndexes { get; } = [];

    public void AddItemIndex(Type providerType, IContentIndexTable table)
    {
        if (!ItemIndexes.Exists(i => i.ProviderType == providerType))
        {
            ItemIndexes.Add(new IndexRegistration(providerType, table));
        }
    }

    public PartRegistration Part(Type partType)
    {
        var part = Parts.Find(p => p.PartType == partType);
        if (part is null)
        {
            part = new PartRegistration(partType);
            Parts.Add(part);
        }

        return part;
    }

    public void AddHandler(Type handlerType, string? part)
    {
        if (!Handlers.Contains(new HandlerRegistration(handlerType, part)))
        {
            Handlers.Add(new HandlerRegistration(handlerType, part));
        }
    }

    internal sealed class PartRegistration(Type partType)
    {
        public Type PartType { get; } = partType;

        public Type? EditorType { get; set; }

        public List<IndexRegistration> Indexes { get; } = [];

        public void AddIndex(Type providerType, IContentIndexTable table)
        {
            if (!Indexes.Exists(i => i.ProviderType == providerType))
            {
                Indexes.Add(new IndexRegistration(providerType, table));
            }
        }
    }
}

internal sealed record IndexRegistration(Type ProviderType, IContentIndexTable Table);

/// <summary>A handler type and the part it is bound to (null: every item).</summary>
internal sealed record HandlerRegistration(Type HandlerType, string? Part);

internal sealed class ContentPartRegistry : IContentPartRegistry
{
    private readonly Dictionary<string, ContentPartDescriptor> _parts;
    private readonly Dictionary<string, IContentFieldType> _fieldTypes;
    private readonly Dictionary<string, RichTextShape?> _partShapes;
    private readonly Dictionary<string, HashSet<string>> _partMembers;
    private readonly Dictionary<string, RichTextShape?> _fieldShapes;
    private readonly Dictionary<string, IReadOnlyList<IndexRegistration>> _indexes;
    private readonly IReadOnlyList<IndexRegistration> _itemIndexes;

    public ContentPartRegistry(IOptions<ContentRegistryOptions> options, IEnumerable<IContentFieldType> fieldTypes)
    {
        var registrations = options.Value.Parts;
        Parts = registrations.Select(p => new ContentPartDescriptor(
            p.PartType.Name,
            p.PartType,
            p.PartType.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName ?? p.PartType.Name,
            p.EditorType,
            p.Indexes.Select(i => i.Table.IndexType).ToList(),
            RichTextShape.For(p.PartType) is not null)).ToList();
        _parts = Parts.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _partShapes = registrations.ToDictionary(p => p.PartType.Name, p => RichTextShape.For(p.PartType), StringComparer.Ordinal);
        _partMembers = registrations.ToDictionary(p => p.PartType.Name, p => JsonMembers(p.PartType), StringComparer.Ordinal);
        _indexes = registrations.ToDictionary(p => p.PartType.Name, p => (IReadOnlyList<IndexRegistration>)p.Indexes, StringComparer.Ordinal);
        _itemIndexes = options.Value.ItemIndexes;
        AllIndexes = [.. _itemIndexes, .. registrations.SelectMany(p => p.Indexes)];
        Handlers = options.Value.Handlers;

        FieldTypes = fieldTypes.ToList();
        _fieldTypes = new Dictionary<string, IContentFieldType>(StringComparer.Ordinal);
        foreach (var type in FieldTypes)
        {
            if (!_fieldTypes.TryAdd(type.Name, type))
            {
                throw new InvalidOperationException($"Two content field types are named '{type.Name}'.");
            }
        }

        _fieldShapes = FieldTypes.ToDictionary(t => t.Name, t => RichTextShape.For(t.ValueType), StringComparer.Ordinal);
    }

    public IReadOnlyList<ContentPartDescriptor> Parts { get; }

    public IReadOnlyList<IContentFieldType> FieldTypes { get; }

    /// <summary>Handlers in registration order.</summary>
    public IReadOnlyList<HandlerRegistration> Handlers { get; }

    /// <summary>Every index provider: of every item, then of every part.</summary>
    public IReadOnlyList<IndexRegistration> AllIndexes { get; }

    public ContentPartDescriptor? FindPart(string name) => _parts.GetValueOrDefault(name);

    public IContentFieldType? FindFieldType(string name) => _fieldTypes.GetValueOrDefault(name);

    /// <summary>Where rich text sits inside a part, or null when it holds none (or is not registered).</summary>
    public RichTextShape? PartShape(string part) => _partShapes.GetValueOrDefault(part);

    /// <summary>The JSON member names of a registered part's class (case-insensitive), or null for an unknown part.</summary>
    public IReadOnlySet<string>? PartMembers(string part) => _partMembers.GetValueOrDefault(part);

    /// <summary>Where rich text sits inside a value of the field type, or null when it holds none.</summary>
    public RichTextShape? FieldShape(string fieldType) => _fieldShapes.GetValueOrDefault(fieldType);

    /// <summary>The index providers of every item, then those of the parts a type lists.</summary>
    public IEnumerable<IndexRegistration> IndexesFor(ContentTypeDefinition type) =>
        _itemIndexes.Concat(type.Parts.Distinct(StringComparer.Ordinal).SelectMany(p => _indexes.GetValueOrDefault(p) ?? []));

    private static HashSet<string> JsonMembers(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
