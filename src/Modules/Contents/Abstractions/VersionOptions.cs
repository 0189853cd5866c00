namespace Portal.Modules.Contents.Abstractions;

/// <summary>Which version of an item to read: the latest, the published one or a given number.</summary>
public sealed record VersionOptions
{
    private VersionOptions(VersionKind kind, int number)
    {
        Kind = kind;
        Number = number;
    }

    public static VersionOptions Latest { get; } = new(VersionKind.Latest, 0);

    public static VersionOptions Published { get; } = new(VersionKind.Published, 0);

    internal VersionKind Kind { get; }

    internal int Number { get; }

    /// <summary>The version with the given number (1 is the first).</summary>
    public static VersionOptions Version(int number) =>
        number >= 1 ? new(VersionKind.Number, number) : throw new ArgumentOutOfRangeException(nameof(number), "Version numbers start at 1.");
}

internal enum VersionKind
{
    Latest,
    Published,
    Number,
}
