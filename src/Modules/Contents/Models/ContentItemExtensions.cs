using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Modules.Contents.Data;

namespace Portal.Modules.Contents.Models;

/// <summary>Typed access to the parts in an item's JSON body; a part's key is its class name.</summary>
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
}
