using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Modules.Contents.Data;

/// <summary>How JSON bodies are stored, the same on every provider.</summary>
internal static class JsonColumn
{
    /// <summary>
    /// Keeps Vietnamese and markup readable in the column. Relaxed escaping is safe here: the
    /// stored text is parsed back, never written raw into a page.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ValueConverter<JsonObject, string> ObjectConverter { get; } =
        new(v => Serialize(v), v => Deserialize(v));

    // JsonObject is mutable: EF must compare by content and snapshot by deep copy.
    public static ValueComparer<JsonObject> ObjectComparer { get; } =
        new((a, b) => JsonNode.DeepEquals(a, b), v => Serialize(v).GetHashCode(StringComparison.Ordinal), v => Clone(v));

    public static string Serialize(JsonObject value) => value.ToJsonString(Options);

    public static JsonObject Deserialize(string json) => JsonNode.Parse(json)?.AsObject() ?? [];

    public static JsonObject Clone(JsonObject value) => value.DeepClone().AsObject();
}
