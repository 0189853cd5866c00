using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

/// <summary>
/// Where the <see cref="RichTextAttribute"/> strings sit inside a part or field value class, read
/// once by reflection: nested objects and lists are followed at any depth. Used to find rich
/// text in a JSON body by metadata, never by a property name.
/// </summary>
internal sealed class RichTextShape
{
    private const int MaxDepth = 8;

    private RichTextShape(bool isRichText, IReadOnlyDictionary<string, RichTextShape> properties, RichTextShape? items)
    {
        IsRichText = isRichText;
        Properties = properties;
        Items = items;
    }

    /// <summary>This node is a rich-text string.</summary>
    public bool IsRichText { get; }

    /// <summary>Properties (by JSON name, case-insensitive) that hold rich text somewhere below.</summary>
    public IReadOnlyDictionary<string, RichTextShape> Properties { get; }

    /// <summary>The shape of each element when this node is a list.</summary>
    public RichTextShape? Items { get; }

    public static RichTextShape RichText { get; } = new(true, new Dictionary<string, RichTextShape>(), null);

    /// <summary>The shape of <paramref name="type"/>, or null when it holds no rich text.</summary>
    public static RichTextShape? For(Type type) => For(type, 0);

    private static RichTextShape? For(Type type, int depth)
    {
        if (depth > MaxDepth || IsScalar(type))
        {
            return null;
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
            return element is null || IsDictionary(type) || For(element, depth + 1) is not { } items
                ? null
                : new RichTextShape(false, new Dictionary<string, RichTextShape>(), items);
        }

        var properties = new Dictionary<string, RichTextShape>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
            var shape = property.PropertyType == typeof(string)
                ? property.IsDefined(typeof(RichTextAttribute), inherit: true) ? RichText : null
                : For(property.PropertyType, depth + 1);
            if (shape is not null)
            {
                properties[name] = shape;
            }
        }

        return properties.Count == 0 ? null : new RichTextShape(false, properties, null);
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(TimeOnly) ||
               type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) ||
               typeof(JsonNode).IsAssignableFrom(type);
    }

    private static bool IsDictionary(Type type) =>
        typeof(IDictionary).IsAssignableFrom(type) ||
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    /// <summary>
    /// Every rich-text string under <paramref name="node"/> that follows this shape, with its path
    /// (<paramref name="path"/> extended by <c>.Name</c> and <c>[i]</c>); found first, replaced by the caller.
    /// </summary>
    public void Collect(JsonNode? node, string path, List<RichTextLocation> found)
    {
        switch (node)
        {
            case JsonObject obj:
                // Snapshot: the caller replaces values after collecting.
                foreach (var (key, value) in obj.ToList())
                {
                    if (Properties.TryGetValue(key, out var shape))
                    {
                        if (shape.IsRichText)
                        {
                            if (value is JsonValue v && v.TryGetValue<string>(out var html))
                            {
                                found.Add(new RichTextLocation($"{path}.{key}", html, text => obj[key] = text));
                            }
                        }
                        else
                        {
                            shape.Collect(value, $"{path}.{key}", found);
                        }
                    }
                }

                break;
            case JsonArray array when Items is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    if (Items.IsRichText)
                    {
                        if (array[i] is JsonValue v && v.TryGetValue<string>(out var html))
                        {
                            found.Add(new RichTextLocation($"{path}[{i}]", html, text => array[index] = text));
                        }
                    }
                    else
                    {
                        Items.Collect(array[i], $"{path}[{i}]", found);
                    }
                }

                break;
        }
    }
}

/// <summary>A rich-text string found in a body: its path, its value and how to replace it.</summary>
internal sealed record RichTextLocation(string Path, string Html, Action<string> Replace);
