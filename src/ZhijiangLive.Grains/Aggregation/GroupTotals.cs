using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>Sums over a group of counted (unlocked) teachers: members, points and active spaces per period.</summary>
public struct GroupTotals
{
    public int Members;
    public long DaySum, MonthSum, YearSum;
    public int DayActive, MonthActive, YearActive;

    public readonly long Sum(Period period) => period switch
    {
        Period.Day => DaySum,
        Period.Month => MonthSum,
        _ => YearSum,
    };

    public readonly int Active(Period period) => period switch
    {
        Period.Day => DayActive,
        Period.Month => MonthActive,
        _ => YearActive,
    };

    public readonly double Mean(Period period) => Members == 0 ? 0 : (double)Sum(period) / Members;

    /// <summary>Adds (<paramref name="sign"/> 1) or takes away (−1) one teacher's contribution.</summary>
    public void Apply(in TeacherChange teacher, PeriodKeys current, FigureRules rules, int sign)
    {
        Members += sign;
        var day = teacher.ScoreIn(Period.Day, current);
        var month = teacher.ScoreIn(Period.Month, current);
        var year = teacher.ScoreIn(Period.Year, current);
        DaySum += sign * day;
        MonthSum += sign * month;
        YearSum += sign * year;
        if (day >= rules.Thresholds.Day) DayActive += sign;
        if (month >= rules.Thresholds.Month) MonthActive += sign;
        if (year >= rules.Thresholds.Year) YearActive += sign;
    }

    /// <summary>
    /// Starts the periods that changed between <paramref name="from"/> and <paramref name="to"/>: every
    /// member scores 0 there until it reports again.
    /// </summary>
    public void Roll(PeriodKeys from, PeriodKeys to, FigureRules rules)
    {
        if (from.Day != to.Day) (DaySum, DayActive) = (0, rules.Thresholds.Day <= 0 ? Members : 0);
        if (from.Month != to.Month) (MonthSum, MonthActive) = (0, rules.Thresholds.Month <= 0 ? Members : 0);
        if (from.Year != to.Year) (YearSum, YearActive) = (0, rules.Thresholds.Year <= 0 ? Members : 0);
    }
}
