using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

internal static class GroupViews
{
    /// <summary>
    /// Figures of a member table for the periods containing <paramref name="date"/>: live for the current
    /// periods, as they closed for earlier ones, zero for periods not reached or long forgotten.
    /// </summary>
    public static GroupView Of(string id, string name, DateOnly date, MemberTable members, int schools, int meeting)
    {
        var keys = PeriodKeys.Of(date);
        var totals = members.Totals;
        PeriodFigures For(Period period) =>
            keys[period] == members.Current[period]
                ? PeriodFigures.Of(totals, period)
                : members.History.Find(period, keys[period]) ?? default;
        return new GroupView(id, name, date, totals.Members, For(Period.Day), For(Period.Month), For(Period.Year), schools, meeting);
    }
}
