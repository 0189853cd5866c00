using Portal.Core.Security;

namespace Portal.Modules.Media;

public static class Permissions
{
    private const string Group = "Thư viện tệp";

    /// <summary>Browse the library and pick files for content (the picker).</summary>
    public static readonly Permission ViewMedia = new(nameof(ViewMedia), "Xem thư viện tệp", Group);

    /// <summary>Upload files and edit their alternative text.</summary>
    public static readonly Permission UploadMedia = new(nameof(UploadMedia), "Tải tệp lên", Group);

    /// <summary>Delete files, create and delete folders.</summary>
    public static readonly Permission ManageMedia = new(nameof(ManageMedia), "Quản lý thư viện tệp (xóa tệp, thư mục)", Group);

    public static IReadOnlyList<Permission> All { get; } = [ViewMedia, UploadMedia, ManageMedia];
}
