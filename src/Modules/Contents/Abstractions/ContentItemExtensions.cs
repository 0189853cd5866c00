using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Modules.Contents.Data;

namespace Portal.Modules.Contents.Abstractions;

/// <summary>Typed access to the parts and fields in an item's JSON body; a part's key is its class name.</summary>
public static class ContentItemExtensions
{
    /// <summary>The part of type <typeparamref name="TPart"/>, or null when the item has none.</summary>
    public static TPart? As<TPart>(this ContentItem item) where TPart : class =>
        item.Data[typeof(TPart).Name] is JsonObject part ? part.Deserialize<TPart>(JsonColumn.Options) : null;

    /// <summary>Writes <paramref name="part"/> into the item's body, replacing the previous value.</summary>
    public static ContentItem Apply<TPart>(this ContentItem item, TPart part) where TPart : class
    {
        item.Data[typeof(TPart).Name] = JsonSerializer.SerializeToNode(part, JsonColumn.Options);
        return item;
    }

    /// <summary>
    /// The value of the field <paramref name="name"/> (attached to <paramref name="part"/>, or to the type
    /// when null) read as <typeparamref name="TField"/>, e.g. <c>item.Field&lt;TextField&gt;("Summary")</c>.
    /// </summary>
    public static TField? Field<TField>(this ContentItem item, string name, string? part = null) where TField : class =>
        Container(item, part, create: false)?[name] is JsonObject value ? value.Deserialize<TField>(JsonColumn.Options) : null;

    /// <summary>Writes the value of the field <paramref name="name"/>, replacing the previous value.</summary>
    public static ContentItem ApplyField<TField>(this ContentItem item, string name, TField value, string? part = null) where TField : class
    {
        Container(item, part, create: true)![name] = JsonSerializer.SerializeToNode(value, JsonColumn.Options);
        return item;
    }

    private static JsonObject? Container(ContentItem item, string? part, bool create)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (part is null)
        {
            return item.Data;
        }

        if (item.Data[part] is JsonObject existing)
        {
            return existing;
        }

        if (!create)
        {
            return null;
        }

        var created = new JsonObject();
        item.Data[part] = created;
        return created;
    }
}
