using Portal.Core.Collections;

namespace Portal.Modules.Taxonomies.Tests;

public sealed class TreeOrderTests
{
    private sealed record Node(string Id, string? Parent, int Order)
    {
        public int Order { get; set; } = Order;
    }

    [Fact]
    public void Flatten_PutsParentsBeforeChildren_SiblingsByOrder_AndShowsOrphansAndCyclesOnce()
    {
        Node[] nodes = [new("c", "a", 1), new("a", null, 1), new("b", "a", 0), new("z", null, 0), new("o", "missing", 5), new("x", "y", 0), new("y", "x", 0)];

        var flat = TreeOrder.Flatten(nodes, n => n.Id, n => n.Parent, n => n.Order);

        Assert.Equal([("z", 0), ("a", 0), ("b", 1), ("c", 1), ("o", 0), ("x", 0), ("y", 1)], flat.Select(f => (f.Node.Id, f.Depth)));
    }

    [Fact]
    public void IsSelfOrDescendant_FollowsParents()
    {
        Node[] nodes = [new("a", null, 0), new("b", "a", 0), new("c", "b", 0), new("d", null, 0)];

        Assert.True(TreeOrder.IsSelfOrDescendant(nodes, n => n.Id, n => n.Parent, "a", "a"));
        Assert.True(TreeOrder.IsSelfOrDescendant(nodes, n => n.Id, n => n.Parent, "a", "c"));
        Assert.False(TreeOrder.IsSelfOrDescendant(nodes, n => n.Id, n => n.Parent, "c", "a"));
        Assert.False(TreeOrder.IsSelfOrDescendant(nodes, n => n.Id, n => n.Parent, "a", "d"));
    }

    [Fact]
    public void Move_SwapsWithTheNeighbour_AndRenumbers()
    {
        Node[] nodes = [new("a", null, 0), new("b", null, 5), new("c", null, 9)];

        Assert.True(TreeOrder.Move(nodes, n => n.Id, n => n.Order, (n, o) => n.Order = o, "c", -1));
        Assert.Equal(["a", "c", "b"], nodes.OrderBy(n => n.Order).Select(n => n.Id));
        Assert.Equal([0, 2, 1], nodes.Select(n => n.Order));
        Assert.False(TreeOrder.Move(nodes, n => n.Id, n => n.Order, (n, o) => n.Order = o, "a", -1));
        Assert.False(TreeOrder.Move(nodes, n => n.Id, n => n.Order, (n, o) => n.Order = o, "b", 1));
    }
}
