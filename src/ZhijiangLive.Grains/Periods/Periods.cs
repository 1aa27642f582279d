namespace ZhijiangLive.Grains.Periods;

internal static class Periods
{
    public static readonly Period[] All = [Period.Day, Period.Month, Period.Year];
}
