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
