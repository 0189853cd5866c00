using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

/// <summary>
/// Compares two versions: display text, culture, then every value of the body in the type's
/// order. Fields are compared as their field type's text; rich text (found by metadata) as its
/// plain text; other strings as they are; text changes carry a word-by-word diff.
/// </summary>
internal sealed class ContentVersionDiff(
    PortalDbContext db,
    IContentDefinitionStore definitions,
    ContentPartRegistry registry,
    ContentBodyProcessor body) : IContentVersionDiff
{
    public async Task<IReadOnlyList<ContentChange>?> CompareAsync(string contentItemId, string fromVersionId, string toVersionId, CancellationToken cancellationToken = default)
    {
        var versions = await db.Set<ContentItem>().AsNoTracking()
            .Where(x => x.ContentItemId == contentItemId && (x.ContentItemVersionId == fromVersionId || x.ContentItemVersionId == toVersionId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var from = versions.Find(v => v.ContentItemVersionId == fromVersionId);
        var to = versions.Find(v => v.ContentItemVersionId == toVersionId);
        if (from is null || to is null)
        {
            return null;
        }

        var type = await definitions.GetAsync(to.ContentType, cancellationToken).ConfigureAwait(false);
        return Compare(from, to, type);
    }

    public IReadOnlyList<ContentChange> Compare(ContentItem from, ContentItem to, ContentTypeDefinition? type)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<ContentChange>();
        AddText(changes, nameof(ContentItem.DisplayText), "Tiêu đề hiển thị", from.DisplayText, to.DisplayText);
        AddText(changes, nameof(ContentItem.Culture), "Ngôn ngữ", from.Culture, to.Culture);

        var fields = (type?.Fields ?? []).GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var richText = body.FindRichText(type, from.Data).Concat(body.FindRichText(type, to.Data))
            .Select(l => l.Path).ToHashSet(StringComparer.Ordinal);
        var oldValues = Flatten(from.Data, fields);
        var newValues = Flatten(to.Data, fields);
        foreach (var path in oldValues.Keys.Concat(newValues.Keys).Distinct(StringComparer.Ordinal))
        {
            var oldNode = oldValues.GetValueOrDefault(path);
            var newNode = newValues.GetValueOrDefault(path);
            if (JsonNode.DeepEquals(oldNode, newNode))
            {
                continue;
            }

            if (fields.TryGetValue(path, out var field))
            {
                var fieldType = registry.FindFieldType(field.Type);
                var text = fieldType is not null && field.Type is ContentFieldTypes.Text or ContentFieldTypes.MultilineText or ContentFieldTypes.Html;
                Add(changes, path, field.DisplayName, Text(oldNode, fieldType), Text(newNode, fieldType), text);
            }
            else
            {
                var rich = richText.Contains(path);
                Add(changes, path, Label(path), Text(oldNode, rich), Text(newNode, rich),
                    oldNode?.GetValueKind() is null or JsonValueKind.String && newNode?.GetValueKind() is null or JsonValueKind.String);
            }
        }

        return changes;
    }

    private static void AddText(List<ContentChange> changes, string path, string label, string? oldText, string? newText)
    {
        if (oldText != newText)
        {
            Add(changes, path, label, oldText, newText, isText: true);
        }
    }

    private static void Add(List<ContentChange> changes, string path, string label, string? oldText, string? newText, bool isText)
    {
        if (oldText == newText)
        {
            return;
        }

        var kind = string.IsNullOrEmpty(oldText) ? ContentChangeKind.Added : string.IsNullOrEmpty(newText) ? ContentChangeKind.Removed : ContentChangeKind.Modified;
        changes.Add(new ContentChange(path, label, kind, oldText, newText, isText ? TextDiff.Compare(oldText, newText) : []));
    }

    /// <summary>"Tiêu đề › Title": the part's Vietnamese name, then the path inside it.</summary>
    private string Label(string path)
    {
        var dot = path.IndexOfAny(['.', '[']);
        var head = dot < 0 ? path : path[..dot];
        var name = registry.FindPart(head)?.DisplayName ?? head;
        return dot < 0 ? name : $"{name} › {path[(dot + 1)..]}";
    }

    private static string? Text(JsonNode? node, IContentFieldType? fieldType) =>
        node is null ? null : fieldType?.ToText(node) ?? node.ToJsonString();

    private static string? Text(JsonNode? node, bool richText) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => richText ? HtmlText.ToPlainText(v.GetValue<string>()) : v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "Có",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "Không",
        JsonArray a => string.Join(", ", a.Select(e => Text(e, richText: false))),
        _ => node.ToJsonString(),
    };

    /// <summary>Leaf values by path (<c>TitlePart.Title</c>, <c>Sections[0].Html</c>); a field's value stays whole.</summary>
    private static Dictionary<string, JsonNode?> Flatten(JsonObject data, IReadOnlyDictionary<string, ContentFieldDefinition> fields)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Walk(data, "", values, fields);
        return values;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, JsonNode?> values, IReadOnlyDictionary<string, ContentFieldDefinition> fields)
    {
        if (path.Length > 0 && fields.ContainsKey(path))
        {
            values[path] = node;
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, path.Length == 0 ? key : $"{path}.{key}", values, fields);
                }

                break;
            case JsonArray array when array.Any(e => e is JsonObject or JsonArray):
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", values, fields);
                }

                break;
            case null:
                break;
            default:
                values[path] = node;
                break;
        }
    }
}
