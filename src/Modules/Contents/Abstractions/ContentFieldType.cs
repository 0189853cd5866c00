using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Modules.Contents.Data;

namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// Base of a field type whose JSON value deserialises to <typeparamref name="TValue"/>: a value of
/// the wrong JSON shape is refused with "Trường “X” phải là <see cref="Expected"/>", an empty one
/// when the field is required, and <see cref="Check"/> adds the type's own rules.
/// </summary>
public abstract class ContentFieldType<TValue> : IContentFieldType where TValue : class
{
    public abstract string Name { get; }

    public abstract string DisplayName { get; }

    public Type ValueType => typeof(TValue);

    public bool IsRichText { get; } = Services.RichTextShape.For(typeof(TValue)) is not null;

    /// <summary>Completes "Trường “X” phải là ...", in Vietnamese, e.g. <c>một số ({"Value": 12})</c>.</summary>
    protected abstract string Expected { get; }

    public IReadOnlyList<string> Validate(JsonNode? value, ContentFieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (value is JsonObject json)
        {
            Normalize(json);
        }

        if (!TryRead(value, out var typed))
        {
            return [$"Trường “{field.DisplayName}” phải là {Expected}."];
        }

        if (typed is null || IsEmpty(typed))
        {
            return field.Required ? [$"Trường “{field.DisplayName}” là bắt buộc."] : [];
        }

        return Check(typed, field).ToList();
    }

    public string ToText(JsonNode? value) =>
        !TryRead(value, out var typed) ? value?.ToJsonString(JsonColumn.Options) ?? "" : typed is null ? "" : Text(typed);

    /// <summary>Brings a value to its stored form before it is checked (e.g. an instant to UTC).</summary>
    protected virtual void Normalize(JsonObject value)
    {
    }

    /// <summary>True when the value holds nothing (what a required field refuses).</summary>
    protected abstract bool IsEmpty(TValue value);

    /// <summary>The type's own rules on a value that is not empty: Vietnamese messages.</summary>
    protected virtual IEnumerable<string> Check(TValue value, ContentFieldDefinition field) => [];

    /// <summary>The value as readable text.</summary>
    protected abstract string Text(TValue value);

    private static bool TryRead(JsonNode? node, out TValue? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }

        if (node is not JsonObject)
        {
            return false;
        }

        try
        {
            value = node.Deserialize<TValue>(JsonColumn.Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
