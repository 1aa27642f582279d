using Orleans;
using Orleans.Concurrency;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// A teacher's nonzero scores in its kept periods other than the ones its report is dated in: what lets
/// a school or region count a late event in a closed day, and move a teacher's whole history when it
/// moves. Built anew only when the past changed, so one instance is shared by every level's copy of the
/// report; <see cref="Version"/> tells aggregators on another silo that it is the same one.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.TeacherPast")]
/// <param name="Scores">Sorted by period, then key.</param>
public sealed record TeacherPast(long Version, PastScore[] Scores)
{
    public int ScoreIn(Period period, int key)
    {
        int low = 0, high = Scores.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var at = Scores[mid];
            var order = at.Period != period ? at.Period.CompareTo(period) : at.Key.CompareTo(key);
            if (order == 0) return at.Score;
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }
        return 0;
    }

    public static bool Same(TeacherPast? a, TeacherPast? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Version == b.Version);

    /// <summary>The past of <paramref name="state"/> seen from <paramref name="current"/>: every scored period but the current ones.</summary>
    public static TeacherPast? Of(TeacherState state, PeriodKeys current, long version)
    {
        var scores = new List<PastScore>();
        Collect(state.Days, Period.Day, current.Day, scores);
        Collect(state.Months, Period.Month, current.Month, scores);
        Collect(state.Years, Period.Year, current.Year, scores);
        return scores.Count == 0 ? null : new TeacherPast(version, [.. scores]);
    }

    private static void Collect(PeriodSeries series, Period period, int current, List<PastScore> into)
    {
        var start = into.Count;
        foreach (var closed in series.Closed)
        {
            if (closed.Key != current && closed.Total != 0) into.Add(new PastScore(period, closed.Key, closed.Total));
        }
        foreach (var live in series.Live)
        {
            if (live.Key != current && live.Totals.Total != 0) into.Add(new PastScore(period, live.Key, live.Totals.Total));
        }
        // Closed periods all come before live ones, but keep the order exact whatever the series holds.
        into.Sort(start, into.Count - start, Comparer<PastScore>.Create((x, y) => x.Key.CompareTo(y.Key)));
    }
}
