using System.Globalization;

namespace Portal.Modules.Media.Services;

public static class MediaSizes
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"20 MB", "1,5 MB", "820 KB", "12 byte": Vietnamese number format.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", Vietnamese) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0", Vietnamese) + " KB",
        _ => bytes.ToString(Vietnamese) + " byte",
    };
}
