using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Modules.Contents.Data;

/// <summary>How JSON bodies and UTC times are stored, the same on every provider.</summary>
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

    /// <summary>
    /// The time rule of this module: instants are <see cref="DateTimeOffset"/> in code and stored as
    /// UTC <see cref="DateTime"/> on every provider (SQLite cannot order by DateTimeOffset). Applied
    /// to the items' times and to every DateTimeOffset column of every index table.
    /// </summary>
    public static ValueConverter<DateTimeOffset, DateTime> UtcConverter { get; } =
        new(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

    public static string Serialize(JsonObject value) => value.ToJsonString(Options);

    public static JsonObject Deserialize(string json) => JsonNode.Parse(json)?.AsObject() ?? [];

    public static JsonObject Clone(JsonObject value) => value.DeepClone().AsObject();
}
