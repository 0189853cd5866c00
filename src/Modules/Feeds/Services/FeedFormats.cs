using System.Globalization;
using Portal.Core.Text;

namespace Portal.Modules.Feeds.Services;

/// <summary>The date formats of feeds and sitemaps, in Vietnam's time (+07:00).</summary>
internal static class FeedFormats
{
    /// <summary>RFC 822 (as RSS 2.0 asks), e.g. <c>Wed, 02 Dec 2026 09:30:00 +0700</c>.</summary>
    public static string Rfc822(DateTimeOffset instant)
    {
        var local = InVietnam(instant);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) +
               string.Create(CultureInfo.InvariantCulture, $"{sign}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}");
    }

    /// <summary>W3C date-time (sitemaps, JSON), e.g. <c>2026-12-02T09:30:00+07:00</c>.</summary>
    public static string W3C(DateTimeOffset instant) =>
        InVietnam(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset InVietnam(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, VietnamTime.Zone);
}
