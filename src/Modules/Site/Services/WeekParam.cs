using System.Globalization;

namespace Portal.Modules.Site.Services;

/// <summary>The work schedule's week in addresses: ISO 8601 week <c>2026-W49</c> (weeks start on Monday).</summary>
public static class WeekParam
{
    /// <summary>The Monday of an ISO week written <c>yyyy-Www</c> (<c>2026-W49</c>, also <c>2026-w49</c>); null when malformed or out of range.</summary>
    public static DateOnly? Parse(string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length is < 7 or > 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w')
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year is < 1900 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
    }

    /// <summary><c>2026-W49</c> for any day of that ISO week.</summary>
    public static string Format(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    /// <summary>The Monday of the week holding <paramref name="day"/>.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>"Tuần 49 năm 2026".</summary>
    public static string Describe(DateOnly monday)
    {
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"Tuần {ISOWeek.GetWeekOfYear(date)} năm {ISOWeek.GetYear(date)}");
    }
}
