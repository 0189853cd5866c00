using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Core.Text;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Admin;

/// <summary>
/// One input of the generic editor: the value at <c>Data[Container][Property]</c> (a field attached
/// to a part sits at <c>Data[Part][Field][Property]</c>). The editor and its checks work from this
/// list, made from the type's parts and fields; <see cref="ErrorPath"/> is the path the content
/// manager names in its validation errors.
/// </summary>
public sealed partial record EditorField(string Key, string Label, EditorKind Kind, string Container, string Property, bool Required = false)
{
    /// <summary>The part that holds a field attached to a part; null for parts and the type's own fields.</summary>
    public string? Part { get; init; }

    public string? Hint { get; init; }

    /// <summary>For a Taxonomy field, the taxonomy its settings name (<c>{"taxonomy":"chuyen-muc"}</c>): the editor offers its terms.</summary>
    public string? Taxonomy { get; init; }

    /// <summary>What separates the parts of a line of <see cref="EditorKind.Terms"/> (<c>id|name</c>).</summary>
    public const char TermSeparator = '|';

    /// <summary>What separates the parts of a line of <see cref="EditorKind.MediaList"/> (<c>path | alt | name | id</c>).</summary>
    public const string MediaSeparator = " | ";

    public string ErrorPath { get; init; } = Container;

    /// <summary>
    /// The editable values of a type, in the order an editor fills them: each part's inputs (from
    /// its <see cref="IContentPartEditor"/>; a part without one has none), then the fields, then
    /// the part inputs placed after the fields (the body: long text after the short values).
    /// </summary>
    public static IReadOnlyList<EditorField> For(ContentTypeDefinition type, Func<string, IContentPartEditor?> editorOf)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(editorOf);
        var inputs = type.Parts
            .SelectMany(part => (editorOf(part)?.Inputs ?? []).Select(input => (Part: part, Input: input)))
            .ToList();
        var fields = new List<EditorField>();
        fields.AddRange(inputs.Where(i => !i.Input.AfterFields).Select(i => FromInput(i.Part, i.Input)));
        foreach (var field in type.Fields)
        {
            var (kind, property) = KindOf(field.Type);
            fields.Add(new($"{field.Path}.{property}", field.DisplayName == field.Name ? FieldLabel(field.Name) : field.DisplayName, kind, field.Name, property, field.Required)
            {
                Part = field.Part,
                Hint = field.Hint,
                ErrorPath = field.Path,
                Taxonomy = field.Type == ContentFieldTypes.Taxonomy && field.Settings?["taxonomy"] is System.Text.Json.Nodes.JsonValue taxonomy
                    && taxonomy.TryGetValue<string>(out var name) && name.Length > 0 ? name : null,
            });
        }

        fields.AddRange(inputs.Where(i => i.Input.AfterFields).Select(i => FromInput(i.Part, i.Input)));
        return fields;
    }

    private static EditorField FromInput(string part, ContentPartInput input) =>
        new($"{part}.{input.Property}", input.Label, input.Kind, part, input.Property, input.Required) { Hint = input.Hint };

    /// <summary>The value as the form shows it.</summary>
    public string Read(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var node = (ContainerIn(data, create: false)?[Container] as JsonObject)?[Property];
        return node switch
        {
            null => "",
            JsonArray list when Kind == EditorKind.Terms => string.Join('\n', list.OfType<JsonObject>().Select(TermLine).OfType<string>()),
            JsonArray list when Kind == EditorKind.MediaList => string.Join('\n', list.OfType<JsonObject>().Select(MediaLine)),
            JsonArray list => string.Join('\n', list.Select(n => n?.ToString()).OfType<string>()),
            JsonValue value when Kind == EditorKind.DateTime && value.TryGetValue<string>(out var iso)
                && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) =>
                VietnamTime.From(instant).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.True => "true",
            JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.False => "",
            _ => node.ToString(),
        };
    }

    /// <summary>
    /// Checks the typed text and writes it into <paramref name="data"/>; returns a Vietnamese
    /// message, and writes nothing, when the text is not a valid value.
    /// </summary>
    public string? Write(JsonObject data, string? text)
    {
        ArgumentNullException.ThrowIfNull(data);
        text = (text ?? "").Normalize(System.Text.NormalizationForm.FormC);
        var trimmed = text.Trim();
        if (Required && trimmed.Length == 0)
        {
            return $"Vui lòng nhập {Label.ToLowerInvariant()}.";
        }

        JsonNode? value;
        switch (Kind)
        {
            case EditorKind.Number:
                if (trimmed.Length == 0)
                {
                    value = null;
                }
                else if (decimal.TryParse(trimmed.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    value = JsonValue.Create(number);
                }
                else
                {
                    return $"{Label}: \"{trimmed}\" không phải là một số.";
                }

                break;
            case EditorKind.Boolean:
                value = JsonValue.Create(trimmed is "true" or "on");
                break;
            case EditorKind.Date:
                if (trimmed.Length == 0)
                {
                    value = null;
                }
                else if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    value = JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                else
                {
                    return $"{Label}: ngày không hợp lệ.";
                }

                break;
            case EditorKind.DateTime:
                if (trimmed.Length == 0)
                {
                    value = null;
                }
                else if (DateTime.TryParseExact(trimmed, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    // Typed in Vietnam's time, stored as UTC.
                    var utc = new DateTimeOffset(local, VietnamTime.Zone.GetUtcOffset(local)).ToUniversalTime();
                    value = JsonValue.Create(utc.ToString("O", CultureInfo.InvariantCulture));
                }
                else
                {
                    return $"{Label}: ngày giờ không hợp lệ.";
                }

                break;
            case EditorKind.Link:
                if (trimmed.Length > 0 && !IsSafeLink(trimmed))
                {
                    return $"{Label}: địa chỉ phải bắt đầu bằng http://, https:// hoặc /.";
                }

                value = trimmed.Length == 0 ? null : JsonValue.Create(trimmed);
                break;
            case EditorKind.Slug:
                var path = RoutePart.Normalize(trimmed);
                if (path.Length > 0 && !SlugPattern().IsMatch(path))
                {
                    return $"{Label}: chỉ gồm chữ thường không dấu, chữ số, dấu gạch ngang (-) và dấu gạch chéo (/).";
                }

                value = path.Length == 0 ? null : JsonValue.Create(path);
                break;
            case EditorKind.List:
                value = new JsonArray(Lines(trimmed).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
                break;
            case EditorKind.Terms:
                value = new JsonArray(Lines(trimmed).Select(ParseTerm).ToArray());
                break;
            case EditorKind.MediaList:
                value = new JsonArray(Lines(trimmed).Select(ParseMedia).ToArray());
                break;
            case EditorKind.RichText:
            case EditorKind.Multiline:
                value = JsonValue.Create(text.Replace("\r\n", "\n", StringComparison.Ordinal));
                break;
            default:
                value = JsonValue.Create(trimmed);
                break;
        }

        var parent = ContainerIn(data, create: true)!;
        if (parent[Container] is not JsonObject container)
        {
            container = [];
            parent[Container] = container;
        }

        container[Property] = value;
        return null;
    }

    /// <summary>The ids of the terms in a <see cref="EditorKind.Terms"/> text (lines <c>id|name</c>).</summary>
    public static IReadOnlySet<string> TermIds(string text) =>
        Lines(text).Where(l => l.Contains(TermSeparator, StringComparison.Ordinal)).Select(l => l[..l.IndexOf(TermSeparator, StringComparison.Ordinal)].Trim())
            .Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static string? TermLine(JsonObject term) =>
        (term["Id"]?.ToString(), term["Name"]?.ToString()) switch
        {
            ({ Length: > 0 } id, var name) => $"{id}{TermSeparator}{name}",
            (_, var name) => name,
        };

    private static JsonNode? ParseTerm(string line)
    {
        var separator = line.IndexOf(TermSeparator, StringComparison.Ordinal);
        return separator < 0
            ? new JsonObject { ["Name"] = line }
            : new JsonObject { ["Id"] = line[..separator].Trim(), ["Name"] = line[(separator + 1)..].Trim() };
    }

    private static string MediaLine(JsonObject item)
    {
        string Part(string name) => (item[name]?.ToString() ?? "").Replace('|', '/').Trim();
        return string.Join(MediaSeparator, new[] { Part("Path"), Part("Alt"), Part("Name"), Part("MediaId") }.Reverse().SkipWhile(p => p.Length == 0).Reverse());
    }

    private static JsonNode? ParseMedia(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        var item = new JsonObject { ["Path"] = parts[0].Length == 0 ? null : parts[0] };
        foreach (var (name, index) in new[] { ("Alt", 1), ("Name", 2), ("MediaId", 3) })
        {
            if (parts.Length > index && parts[index].Length > 0)
            {
                item[name] = parts[index];
            }
        }

        return item;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The object that holds this value's container: the body, or the part a field is attached to.
    private JsonObject? ContainerIn(JsonObject data, bool create)
    {
        if (Part is null)
        {
            return data;
        }

        if (data[Part] is not JsonObject part && create)
        {
            part = [];
            data[Part] = part;
        }

        return data[Part] as JsonObject;
    }

    private static bool IsSafeLink(string link) =>
        (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal)) ||
        (Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    // The value shapes are those of the content store's field types (ContentFieldTypes).
    private static (EditorKind Kind, string Property) KindOf(string type) => type switch
    {
        ContentFieldTypes.MultilineText => (EditorKind.Multiline, nameof(TextField.Text)),
        ContentFieldTypes.Html => (EditorKind.RichText, nameof(HtmlField.Html)),
        ContentFieldTypes.Number => (EditorKind.Number, nameof(NumberField.Value)),
        ContentFieldTypes.Boolean => (EditorKind.Boolean, nameof(BooleanField.Value)),
        ContentFieldTypes.Date => (EditorKind.Date, nameof(DateField.Value)),
        ContentFieldTypes.DateTime => (EditorKind.DateTime, nameof(DateTimeField.Value)),
        ContentFieldTypes.Link => (EditorKind.Link, nameof(LinkField.Url)),
        ContentFieldTypes.Media => (EditorKind.Media, nameof(MediaField.Path)),
        ContentFieldTypes.MediaList => (EditorKind.MediaList, nameof(MediaListField.Items)),
        ContentFieldTypes.ContentPicker => (EditorKind.List, nameof(ContentPickerField.ContentItemIds)),
        ContentFieldTypes.Taxonomy => (EditorKind.Terms, nameof(TaxonomyField.Terms)),
        _ => (EditorKind.Text, nameof(TextField.Text)),
    };

    // Until types carry display names of their fields, the usual ones are named here.
    private static string FieldLabel(string name) => name switch
    {
        "Summary" => "Tóm tắt",
        "Subtitle" => "Tiêu đề phụ",
        "Author" => "Tác giả",
        "Source" => "Nguồn tin",
        "Image" => "Ảnh đại diện",
        _ => name,
    };

    [GeneratedRegex(@"^[a-z0-9]+(?:[-/][a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

}
