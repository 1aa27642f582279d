using System.Diagnostics.CodeAnalysis;

namespace ZhijiangLive.Scoring.Time;

internal static class ZoneCalendarFactory
{
    public static bool TryFind(string zoneId, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = null;
            return false;
        }
    }
}
