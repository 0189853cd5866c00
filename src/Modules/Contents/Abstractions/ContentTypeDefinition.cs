using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Tenancy;

namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// A content type, defined as data per tenant (by recipes or the admin): its parts and fields
/// live in <see cref="Settings"/>, e.g. <c>{"parts":["TitlePart","BodyPart"],"fields":[{"name":"Summary",
/// "type":"Text","displayName":"Tóm tắt","required":true}]}</c>. Parts must be registered
/// (<c>AddContentPart</c>) and field types known (<see cref="ContentFieldTypes"/>); the
/// definition store refuses anything else.
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
    public IReadOnlyList<string> Parts => ReadParts(Settings);

    /// <summary>The fields listed in <see cref="Settings"/>.</summary>
    public IReadOnlyList<ContentFieldDefinition> Fields => ReadFields(Settings);

    /// <summary>True when the type lists the part named <paramref name="part"/>.</summary>
    public bool HasPart(string part) => Parts.Contains(part, StringComparer.Ordinal);

    /// <summary>The part names of a settings object (entries that are not strings are skipped).</summary>
    public static IReadOnlyList<string> ReadParts(JsonObject settings) =>
        settings?[PartsKey] is JsonArray parts
            ? parts.Select(p => p?.GetValueKind() == JsonValueKind.String ? p.GetValue<string>() : null).OfType<string>().ToList()
            : [];

    /// <summary>The fields of a settings object, in the shape recipes use (entries that are not objects are skipped).</summary>
    public static IReadOnlyList<ContentFieldDefinition> ReadFields(JsonObject settings) =>
        settings?[FieldsKey] is JsonArray fields ? fields.OfType<JsonObject>().Select(ContentFieldDefinition.FromJson).ToList() : [];

    /// <summary>Builds the settings object from parts and fields, in the shape recipes use.</summary>
    public static JsonObject BuildSettings(IEnumerable<string> parts, IEnumerable<ContentFieldDefinition> fields) => new()
    {
        [PartsKey] = new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
        [FieldsKey] = new JsonArray(fields.Select(f => (JsonNode?)f.ToJson()).ToArray()),
    };
}

/// <summary>
/// A field of a content type. Its value lives in the item's body at <c>Data[Name]</c>, or at
/// <c>Data[Part][Name]</c> when <see cref="Part"/> attaches it to one of the type's parts; its
/// shape is the value class of its <see cref="Type"/> (see <see cref="ContentFieldTypes"/>).
/// </summary>
public sealed record ContentFieldDefinition(string Name, string Type)
{
    /// <summary>Vietnamese label shown to editors; the name when not given.</summary>
    public string DisplayName { get => string.IsNullOrWhiteSpace(field) ? Name : field; init; } = "";

    /// <summary>An empty value is refused on save.</summary>
    public bool Required { get; init; }

    /// <summary>Help text shown under the editor, in Vietnamese.</summary>
    public string? Hint { get; init; }

    /// <summary>The part of the type this field is attached to, or null for a field of the type itself.</summary>
    public string? Part { get; init; }

    /// <summary>Settings of the field type (e.g. the content types a picker offers); free-form.</summary>
    public JsonObject? Settings { get; init; }

    /// <summary>Where the value sits in the body, also the path of validation errors: <c>Summary</c> or <c>LegalDocumentPart.Attachment</c>.</summary>
    public string Path => Part is null ? Name : $"{Part}.{Name}";

    public bool Equals(ContentFieldDefinition? other) =>
        other is not null && Name == other.Name && Type == other.Type && DisplayName == other.DisplayName &&
        Required == other.Required && Hint == other.Hint && Part == other.Part && JsonNode.DeepEquals(Settings, other.Settings);

    public override int GetHashCode() => HashCode.Combine(Name, Type, Part);

    /// <summary>Reads a field from its settings form <c>{"name","type","displayName","required","hint","part","settings"}</c>.</summary>
    public static ContentFieldDefinition FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new ContentFieldDefinition(Text(json, "name") ?? "", Text(json, "type") ?? "")
        {
            DisplayName = Text(json, "displayName") ?? "",
            Required = json["required"] is JsonValue r && r.GetValueKind() == JsonValueKind.True,
            Hint = Text(json, "hint"),
            Part = Text(json, "part"),
            Settings = json["settings"] is JsonObject s ? s.DeepClone().AsObject() : null,
        };
    }

    /// <summary>The settings form; members left at their default are omitted.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["name"] = Name, ["type"] = Type };
        if (DisplayName != Name)
        {
            json["displayName"] = DisplayName;
        }

        if (Required)
        {
            json["required"] = true;
        }

        if (Hint is not null)
        {
            json["hint"] = Hint;
        }

        if (Part is not null)
        {
            json["part"] = Part;
        }

        if (Settings is not null)
        {
            json["settings"] = Settings.DeepClone();
        }

        return json;
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
