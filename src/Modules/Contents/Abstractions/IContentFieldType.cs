using System.Text.Json.Nodes;

namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// A kind of field editors can add to a content type without code. The built-in ones are named
/// in <see cref="ContentFieldTypes"/>; a module adds one with <c>services.AddContentFieldType&lt;T&gt;()</c>,
/// usually by deriving from <see cref="ContentFieldType{TValue}"/>.
/// </summary>
public interface IContentFieldType
{
    /// <summary>The name content types use (<c>Text</c>).</summary>
    string Name { get; }

    /// <summary>Vietnamese name shown to editors (<c>Văn bản một dòng</c>).</summary>
    string DisplayName { get; }

    /// <summary>The class the JSON value deserialises to; its <see cref="RichTextAttribute"/> properties are sanitised.</summary>
    Type ValueType { get; }

    /// <summary>True when the value holds rich text (HTML), sanitised on save and edited with the WYSIWYG editor.</summary>
    bool IsRichText { get; }

    /// <summary>
    /// Puts a value in its stored form (e.g. an instant in UTC) and checks it: Vietnamese messages,
    /// none when the value is acceptable. A missing value is null.
    /// </summary>
    IReadOnlyList<string> Validate(JsonNode? value, ContentFieldDefinition field);

    /// <summary>The value as readable text (for the version diff and lists); empty when there is none.</summary>
    string ToText(JsonNode? value);
}
