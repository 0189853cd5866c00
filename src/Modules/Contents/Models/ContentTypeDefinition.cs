using System.Text.Json.Nodes;
using Portal.Core.Tenancy;

namespace Portal.Modules.Contents.Models;

/// <summary>
/// A content type, defined as data by recipes: its parts and fields live in
/// <see cref="Settings"/>, e.g. <c>{"parts":["TitlePart","BodyPart"],"fields":[{"name":"Summary","type":"Text"}]}</c>.
/// </summary>
public sealed class ContentTypeDefinition : ITenantOwned
{
    public const string PartsKey = "parts";
    public const string FieldsKey = "fields";

    public long Id { get; set; }
    public string TenantId { get; set; } = "";

    /// <summary>Technical name (<c>Article</c>), unique in the tenant.</summary>
    public string Name { get; set; } = "";

    /// <summary>Vietnamese name shown to editors (<c>Tin bài</c>).</summary>
    public string DisplayName { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    /// <summary>The part names listed in <see cref="Settings"/>.</summary>
    public IReadOnlyList<string> Parts =>
        Settings[PartsKey] is JsonArray parts
            ? parts.Select(p => p?.GetValueKind() == System.Text.Json.JsonValueKind.String ? p.GetValue<string>() : null)
                .OfType<string>().ToList()
            : [];

    /// <summary>The fields listed in <see cref="Settings"/>.</summary>
    public IReadOnlyList<ContentFieldDefinition> Fields =>
        Settings[FieldsKey] is JsonArray fields
            ? fields.OfType<JsonObject>()
                .Select(f => new ContentFieldDefinition(f["name"]?.ToString() ?? "", f["type"]?.ToString() ?? ""))
                .ToList()
            : [];

    /// <summary>Builds the settings object from parts and fields, in the shape recipes use.</summary>
    public static JsonObject BuildSettings(IEnumerable<string> parts, IEnumerable<ContentFieldDefinition> fields) => new()
    {
        [PartsKey] = new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
        [FieldsKey] = new JsonArray(fields.Select(f => (JsonNode?)new JsonObject { ["name"] = f.Name, ["type"] = f.Type }).ToArray()),
    };
}

/// <summary>A field of a content type: its name in the item's data and its kind (Text, Html, Date...).</summary>
public sealed record ContentFieldDefinition(string Name, string Type);
