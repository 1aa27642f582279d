namespace ZhijiangLive.Grains.Periods;

/// <summary>Which periods late events can still reach: those whose last day is inside the grace window.</summary>
internal static class OpenPeriods
{
    /// <summary>True while an event for the period can still be accepted (from <paramref name="firstOpenDay"/> on).</summary>
    public static bool IsOpen(Period period, int key, int firstOpenDay) => key >= PeriodKeys.Of(firstOpenDay)[period];

    /// <summary>Drops what is kept for periods late events can no longer reach.</summary>
    public static void ForgetClosed<T>(Dictionary<(Period, int), T> byPeriod, int firstOpenDay)
    {
        if (byPeriod.Count == 0)
        {
            return;
        }
        foreach (var (period, key) in byPeriod.Keys.Where(k => !IsOpen(k.Item1, k.Item2, firstOpenDay)).ToList())
        {
            byPeriod.Remove((period, key));
        }
    }
}
