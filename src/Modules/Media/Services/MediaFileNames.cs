using System.Text.RegularExpressions;

namespace Portal.Modules.Media.Services;

/// <summary>The generated names of stored files: <c>{32 hex}.{ext}</c> or <c>{32 hex}-{width}w.{ext}</c>.</summary>
public static partial class MediaFileNames
{
    public static string NewStoredName() => Guid.CreateVersion7().ToString("N");

    public static bool IsGenerated(string? fileName) => fileName is not null && Pattern().IsMatch(fileName);

    /// <summary>Splits a public file name into the item's stored name, the variant width (null: the file itself) and the extension.</summary>
    public static bool TryParse(string? fileName, out string storedName, out int? width, out string extension)
    {
        storedName = extension = "";
        width = null;
        var match = fileName is null ? Match.Empty : Pattern().Match(fileName);
        if (!match.Success)
        {
            return false;
        }

        storedName = match.Groups["name"].Value;
        width = match.Groups["width"].Success ? int.Parse(match.Groups["width"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        extension = match.Groups["ext"].Value;
        return true;
    }

    [GeneratedRegex("^(?<name>[0-9a-f]{32})(?:-(?<width>[1-9][0-9]{1,4})w)?\\.(?<ext>[a-z0-9]{2,5})$")]
    private static partial Regex Pattern();
}
