using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Scoring.Time;

namespace ZhijiangLive.Grains.Ranking;

/// <summary>Which periods can be ranked (SPEC §6, dated rankings).</summary>
internal static class RankingPeriods
{
    /// <summary>The key of the period asked for; refuses one not kept, saying which are.</summary>
    public static int KeyOf(RankingRequest request, GrainServices services)
    {
        var today = services.Today;
        var asked = PeriodKeys.Of(request.Date?.DayNumber ?? today);
        var key = asked[request.Period];
        var (first, last) = KeptRange(request.Period, today, services.FirstKeptDay);
        if (key < first || key > last)
        {
            var date = asked.Date.ToString("yyyy-MM-dd");
            throw new ArgumentException(
                $"the {request.Period.ToString().ToLowerInvariant()} of {date} is not kept; rankings are answered for "
                + $"days {Day(Math.Max(services.FirstKeptDay, 1))} to {Day(today)}, months {Month(first: true, today)} to {Month(first: false, today)} "
                + $"and years {ZoneCalendar.YearOf(today) - 1} to {ZoneCalendar.YearOf(today)}");
        }
        return key;
    }

    private static (int First, int Last) KeptRange(Period period, int today, int firstKeptDay)
    {
        var current = PeriodKeys.Of(today);
        return period switch
        {
            Period.Day => (firstKeptDay, today),
            Period.Month => ((current.Year - 1) * 12, current.Month),
            _ => (current.Year - 1, current.Year),
        };
    }

    private static string Day(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd");

    private static string Month(bool first, int today)
    {
        var date = DateOnly.FromDayNumber(today);
        return first ? $"{date.Year - 1}-01" : date.ToString("yyyy-MM");
    }
}
