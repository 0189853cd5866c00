using System.Globalization;

namespace Portal.Modules.Users.Services;

/// <summary>Shows instants as people in Việt Nam read them: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh.</summary>
public static class VietnamTime
{
    // Việt Nam keeps UTC+7 all year, so a fixed offset is a safe fallback without tz data.
    private static readonly TimeZoneInfo Zone = FindZone();

    public static string Format(DateTimeOffset? instant) =>
        instant is { } value
            ? TimeZoneInfo.ConvertTime(value, Zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
            : "";

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
