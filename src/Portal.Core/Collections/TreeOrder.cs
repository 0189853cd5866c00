namespace Portal.Core.Collections;

/// <summary>
/// Helpers for the ordered trees modules keep in flat tables (taxonomy terms, menu items): each row
/// has a string key, names its parent's key (or none) and its place among its siblings.
/// </summary>
public static class TreeOrder
{
    /// <summary>
    /// The rows in tree order with their depth (0 for the top level): each parent before its
    /// children, siblings by <paramref name="order"/> then by key. A row whose parent is not among
    /// the rows is shown at the top level; rows caught in a cycle (never written by the editors)
    /// are shown too, once each.
    /// </summary>
    public static IReadOnlyList<(T Node, int Depth)> Flatten<T>(IEnumerable<T> nodes, Func<T, string> key, Func<T, string?> parent, Func<T, int> order)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var all = nodes.OrderBy(order).ThenBy(key, StringComparer.Ordinal).ToList();
        var keys = all.Select(key).ToHashSet(StringComparer.Ordinal);
        var children = all
            .GroupBy(n => parent(n) is { } p && keys.Contains(p) && p != key(n) ? p : "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new List<(T, int)>(all.Count);
        var visited = new HashSet<string>(StringComparer.Ordinal);

        void Walk(string parentKey, int depth)
        {
            foreach (var node in children.GetValueOrDefault(parentKey) ?? [])
            {
                if (visited.Add(key(node)))
                {
                    result.Add((node, depth));
                    Walk(key(node), depth + 1);
                }
            }
        }

        Walk("", 0);
        foreach (var node in all.Where(n => !visited.Contains(key(n))))
        {
            if (visited.Add(key(node)))
            {
                result.Add((node, 0));
                Walk(key(node), 1);
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="candidate"/> is <paramref name="node"/> itself or one of its descendants.</summary>
    public static bool IsSelfOrDescendant<T>(IEnumerable<T> nodes, Func<T, string> key, Func<T, string?> parent, string node, string candidate)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var parents = nodes.ToDictionary(key, parent, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? current = candidate; current is not null && seen.Add(current); current = parents.GetValueOrDefault(current))
        {
            if (current == node)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Moves a row one place up (<paramref name="offset"/> -1) or down (+1) among its siblings and
    /// numbers the siblings 0, 1, 2... through <paramref name="setOrder"/>; false when it is already first or last.
    /// </summary>
    public static bool Move<T>(IEnumerable<T> siblings, Func<T, string> key, Func<T, int> order, Action<T, int> setOrder, string node, int offset)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        ArgumentNullException.ThrowIfNull(setOrder);
        var list = siblings.OrderBy(order).ThenBy(key, StringComparer.Ordinal).ToList();
        var index = list.FindIndex(n => key(n) == node);
        var target = index + offset;
        if (index < 0 || target < 0 || target >= list.Count)
        {
            return false;
        }

        (list[index], list[target]) = (list[target], list[index]);
        for (var i = 0; i < list.Count; i++)
        {
            if (order(list[i]) != i)
            {
                setOrder(list[i], i);
            }
        }

        return true;
    }
}
