using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

internal static class GroupViews
{
    /// <summary>
    /// Figures of a member table for the periods containing <paramref name="date"/>: the sums over the
    /// current members, for current and closed periods alike; zero for periods not reached or long forgotten.
    /// </summary>
    public static GroupView Of(string id, string name, DateOnly date, MemberTable members, int schools, int meeting)
    {
        var keys = PeriodKeys.Of(date);
        PeriodFigures For(Period period) => members.Figures(period, keys[period]);
        return new GroupView(id, name, date, members.Members, For(Period.Day), For(Period.Month), For(Period.Year), schools, meeting);
    }
}
