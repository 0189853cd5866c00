namespace Portal.Core.Text;

/// <summary>Times shown to people are Vietnam's (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime From(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    /// <summary>dd/MM/yyyy HH:mm in Vietnam's time.</summary>
    public static string Format(DateTimeOffset utc) => From(utc).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>As <see cref="Format(DateTimeOffset)"/>; empty for no value.</summary>
    public static string Format(DateTimeOffset? utc) => utc is { } value ? Format(value) : "";

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Machines without tz data: Vietnam has kept UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
