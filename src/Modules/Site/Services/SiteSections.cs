namespace Portal.Modules.Site.Services;

/// <summary>The list page of each content type, for breadcrumbs ("Trang chủ › Thông báo › ...").</summary>
public static class SiteSections
{
    public static (string? Name, string? Path) Of(string contentType) => contentType switch
    {
        "Article" => ("Tin tức", "/tin-tuc"),
        "Announcement" => ("Thông báo", "/thong-bao"),
        "Leader" => ("Lãnh đạo", "/lanh-dao"),
        "WorkSchedule" => ("Lịch làm việc", "/lich-lam-viec"),
        "Album" => ("Thư viện ảnh", "/thu-vien-anh"),
        "Video" => ("Video", "/video"),
        _ => (null, null),
    };
}
