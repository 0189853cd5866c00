namespace Portal.Modules.Contents.Abstractions;

/// <summary>The parts and field types registered by the enabled code (not per tenant): what content types may list.</summary>
public interface IContentPartRegistry
{
    /// <summary>Registered parts, in registration order.</summary>
    IReadOnlyList<ContentPartDescriptor> Parts { get; }

    /// <summary>Registered field types, in registration order.</summary>
    IReadOnlyList<IContentFieldType> FieldTypes { get; }

    ContentPartDescriptor? FindPart(string name);

    IContentFieldType? FindFieldType(string name);
}

/// <summary>A registered part: its name in types and bodies, class, Vietnamese name, editor and index tables.</summary>
public sealed record ContentPartDescriptor(
    string Name,
    Type PartType,
    string DisplayName,
    Type? EditorType,
    IReadOnlyList<Type> IndexTypes,
    bool HasRichText);
