using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Core.Auditing;
using Portal.Modules.Contents.Models;
using Portal.Modules.Search.Services;

namespace Portal.Bench.ContentAdmin;

internal sealed record Row(IEntityType Type, object Entity);

/// <summary>Every row the content manager wrote for one seeded item, and copies of them for another item.</summary>
internal sealed record ItemRows(int N, string Id, string VersionId, IReadOnlyList<Row> Rows)
{
    /// <summary>
    /// The rows of item <paramref name="n"/> of site <paramref name="tenant"/>, copied from
    /// <paramref name="template"/>'s: its ids, title (as written, lower case, normalised and folded for search), path
    /// and author replaced, times moved back so that the seeded items are spread over the past hours.
    /// </summary>
    public static ItemRows CopyOf(ItemRows template, int tenant, int n, string id, string versionId, int items)
    {
        var (oldTitle, newTitle) = (BenchSeeder.Title(tenant, template.N), BenchSeeder.Title(tenant, n));
        var exact = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BenchSeeder.RoutePath(template.N)] = BenchSeeder.RoutePath(n),
            [BenchSeeder.Author(template.N)] = BenchSeeder.Author(n),
        };
        (string From, string To)[] within =
        [
            (template.Id, id),
            (template.VersionId, versionId),
            (oldTitle, newTitle),
            (oldTitle.ToLowerInvariant(), newTitle.ToLowerInvariant()),
            (ContentListIndex.Normalize(oldTitle), ContentListIndex.Normalize(newTitle)),
            (SearchText.FoldToTokens(oldTitle), SearchText.FoldToTokens(newTitle)),
        ];
        var shift = TimeSpan.FromSeconds(n - items);

        string Text(string text) => exact.TryGetValue(text, out var replaced)
            ? replaced
            : within.Aggregate(text, (s, r) => s.Replace(r.From, r.To, StringComparison.Ordinal));

        object? Change(object? value) => value switch
        {
            null => null,
            string text => Text(text),
            DateTimeOffset time => time + shift,
            JsonNode node => Json(node.DeepClone(), Text),
            ValueType => value,
            _ => throw new InvalidOperationException($"cannot copy a value of type {value.GetType().Name}"),
        };

        var rows = template.Rows.Select(row =>
        {
            var copy = Activator.CreateInstance(row.Type.ClrType)!;
            foreach (var property in Copied(row.Type))
            {
                property.PropertyInfo!.SetValue(copy, Change(property.PropertyInfo.GetValue(row.Entity)));
            }

            return new Row(row.Type, copy);
        }).ToList();
        return new ItemRows(n, id, versionId, rows);
    }

    /// <summary>Stops the seeding unless these rows equal <paramref name="written"/>'s, column by column, times and generated keys aside.</summary>
    public void EnsureSameAs(ItemRows written)
    {
        var left = written.Rows.ToList();
        if (left.Count != Rows.Count)
        {
            throw new InvalidOperationException($"item {N}: the manager wrote {left.Count} rows, the copy has {Rows.Count}");
        }

        foreach (var row in Rows)
        {
            var match = left.FirstOrDefault(w => w.Type == row.Type && Copied(row.Type).All(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?) ||
                ChainedOnSave(p) || Same(p.PropertyInfo!.GetValue(row.Entity), p.PropertyInfo.GetValue(w.Entity))))
                ?? throw new InvalidOperationException($"item {N}: the copied {row.Type.ClrType.Name} row differs from the one the content manager wrote");
            left.Remove(match);
        }
    }

    private static IEnumerable<IProperty> Copied(IEntityType type) => type.GetProperties()
        .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
        .Select(p => p.PropertyInfo is null ? throw new InvalidOperationException($"{type.ClrType.Name}.{p.Name} has no CLR property: a copy would lose it") : p);

    // The audit trail's chain fields: the chain writer sets them on every added row when it is saved.
    private static bool ChainedOnSave(IProperty p) =>
        p.DeclaringType.ClrType == typeof(AuditEntry) && p.Name is nameof(AuditEntry.Sequence) or nameof(AuditEntry.PrevHash) or nameof(AuditEntry.Hash);

    private static bool Same(object? a, object? b) => a is JsonNode x && b is JsonNode y ? JsonNode.DeepEquals(x, y) : Equals(a, b);

    private static JsonNode? Json(JsonNode? node, Func<string, string> text)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    obj[key] = Json(value?.DeepClone(), text);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Json(array[i]?.DeepClone(), text);
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var s):
                return JsonValue.Create(text(s));
            default:
                return node;
        }
    }
}
