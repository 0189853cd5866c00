using Portal.Core.Security;

namespace Portal.Modules.Contents;

public static class Permissions
{
    private const string Group = "Nội dung";

    public static readonly Permission EditContent = new(nameof(EditContent), "Soạn thảo nội dung", Group);
    public static readonly Permission PublishContent = new(nameof(PublishContent), "Xuất bản nội dung", Group);
    public static readonly Permission DeleteContent = new(nameof(DeleteContent), "Xoá và khôi phục nội dung", Group);
    public static readonly Permission ManageContentTypes = new(nameof(ManageContentTypes), "Quản lý kiểu nội dung", Group);

    public static IReadOnlyList<Permission> All { get; } = [EditContent, PublishContent, DeleteContent, ManageContentTypes];
}
