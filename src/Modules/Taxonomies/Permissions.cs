using Portal.Core.Security;

namespace Portal.Modules.Taxonomies;

public static class Permissions
{
    private const string Group = "Phân loại";

    /// <summary>Add, rename, move and delete taxonomies and their terms.</summary>
    public static readonly Permission ManageTaxonomies = new(nameof(ManageTaxonomies), "Quản lý chuyên mục, thẻ (phân loại)", Group);

    public static IReadOnlyList<Permission> All { get; } = [ManageTaxonomies];
}
