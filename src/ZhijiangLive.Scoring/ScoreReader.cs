using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;
using ZhijiangLive.Scoring.Time;

namespace ZhijiangLive.Scoring;

/// <summary>Answers "what has this teacher scored" for a date, from a state it does not change.</summary>
public sealed class ScoreReader(RulePack pack)
{
    private static readonly IReadOnlyDictionary<string, int> _noBreakdown = new Dictionary<string, int>();

    public TeacherScores Read(TeacherState state, DateOnly date)
    {
        var day = date.DayNumber;
        var dayScore = Find(state.Days, day);
        var monthScore = Find(state.Months, ZoneCalendar.MonthKey(day));
        var yearScore = Find(state.Years, date.Year);
        var thresholds = pack.ActiveThresholds;
        return new TeacherScores(
            date,
            dayScore,
            monthScore,
            yearScore,
            ToScore(state.Lifetime),
            state.Logins.StreakEndingAt(day),
            dayScore.Points >= thresholds.Day,
            monthScore.Points >= thresholds.Month,
            yearScore.Points >= thresholds.Year);
    }

    /// <summary>
    /// Points in the day, month and year containing <paramref name="day"/>, without the breakdown: the
    /// allocation-free read that grains make after every scoring change.
    /// </summary>
    public static (int Day, int Month, int Year) PointsAround(TeacherState state, int day) => (
        TotalOf(state.Days, day),
        TotalOf(state.Months, ZoneCalendar.MonthKey(day)),
        TotalOf(state.Years, ZoneCalendar.YearOf(day)));

    private static int TotalOf(PeriodSeries series, int key) =>
        series.FindLive(key)?.Totals.Total ?? series.FindClosed(key)?.Total ?? 0;

    private static PeriodScore Find(PeriodSeries series, int key)
    {
        if (series.FindLive(key) is { } live)
        {
            return ToScore(live.Totals);
        }
        return series.FindClosed(key) is { } closed
            ? new PeriodScore(closed.Total, closed.Mobile, _noBreakdown)
            : PeriodScore.Nothing;
    }

    private static PeriodScore ToScore(in PeriodTotals totals)
    {
        var byRule = new Dictionary<string, int>(RuleIds.Count);
        for (var i = 0; i < RuleIds.Count; i++)
        {
            byRule[RuleIds.All[i]] = totals.Of(i);
        }
        return new PeriodScore(totals.Total, totals.Mobile, byRule);
    }
}
