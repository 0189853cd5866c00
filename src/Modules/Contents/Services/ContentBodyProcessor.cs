using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Data;

namespace Portal.Modules.Contents.Services;

/// <summary>
/// Brings an item's body to its stored form, by the type's metadata: drops members that are
/// neither a part nor a field of the type (at the top and inside registered parts, so nothing
/// unchecked is kept for a later reader), puts field values in stored form (instants in UTC),
/// sanitises every rich-text value (rich-text fields, wherever attached, and the
/// <see cref="RichTextAttribute"/> properties of parts at any depth) and checks parts and
/// fields against their classes and field types.
/// </summary>
internal sealed class ContentBodyProcessor(ContentPartRegistry registry, IHtmlSanitizerService sanitizer)
{
    /// <summary>Prepares <paramref name="data"/> in place; returns what the editor must fix (nothing is refused here).</summary>
    public IReadOnlyList<ContentValidationError> Prepare(ContentTypeDefinition type, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(data);
        var parts = type.Parts;
        var fields = type.Fields;
        var members = parts.Concat(fields.Where(f => f.Part is null).Select(f => f.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var key in data.Select(p => p.Key).Where(k => !members.Contains(k)).ToList())
        {
            data.Remove(key);
        }

        var errors = new List<ContentValidationError>();
        foreach (var part in parts)
        {
            if (data[part] is JsonObject partObject && registry.PartMembers(part) is { } known)
            {
                var attached = fields.Where(f => f.Part == part).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var key in partObject.Select(p => p.Key).Where(k => !known.Contains(k) && !attached.Contains(k)).ToList())
                {
                    partObject.Remove(key);
                }
            }

            CheckPart(part, data[part], errors);
        }

        foreach (var field in fields)
        {
            var value = FieldContainer(data, field)?[field.Name];
            if (registry.FindFieldType(field.Type) is not { } fieldType)
            {
                errors.Add(new(field.Path, $"Trường “{field.DisplayName}” có kiểu “{field.Type}” không được hỗ trợ."));
                continue;
            }

            errors.AddRange(fieldType.Validate(value, field).Select(m => new ContentValidationError(field.Path, m)));
        }

        foreach (var location in FindRichText(type, data))
        {
            location.Replace(sanitizer.Sanitize(location.Html));
        }

        return errors;
    }

    /// <summary>Every rich-text value of the body, found by the type's parts and fields, with its path.</summary>
    public List<RichTextLocation> FindRichText(ContentTypeDefinition? type, JsonObject data)
    {
        var found = new List<RichTextLocation>();
        if (type is null)
        {
            return found;
        }

        foreach (var part in type.Parts.Distinct(StringComparer.Ordinal))
        {
            registry.PartShape(part)?.Collect(data[part], part, found);
        }

        foreach (var field in type.Fields)
        {
            if (registry.FieldShape(field.Type) is { } shape && FieldContainer(data, field) is { } container)
            {
                shape.Collect(container[field.Name], field.Path, found);
            }
        }

        return found;
    }

    private static JsonObject? FieldContainer(JsonObject data, ContentFieldDefinition field) =>
        field.Part is null ? data : data[field.Part] as JsonObject;

    private void CheckPart(string part, JsonNode? value, List<ContentValidationError> errors)
    {
        var descriptor = registry.FindPart(part);
        var label = descriptor?.DisplayName ?? part;
        if (value is null)
        {
            return;
        }

        if (value is not JsonObject)
        {
            errors.Add(new(part, $"Phần “{label}” phải là một đối tượng JSON."));
            return;
        }

        if (descriptor is null)
        {
            return;
        }

        try
        {
            value.Deserialize(descriptor.PartType, JsonColumn.Options);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 2 } p ? p[2..] : null;
            errors.Add(new(where is null ? part : $"{part}.{where}", $"Phần “{label}” có giá trị sai kiểu{(where is null ? "" : $" ở “{where}”")}."));
        }
    }
}
