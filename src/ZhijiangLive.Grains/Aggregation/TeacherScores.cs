using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>Every score one report counts, current periods and past alike, sorted by period and key.</summary>
internal static class TeacherScores
{
    public static PastScore[] Of(in TeacherChange report)
    {
        var past = report.Past?.Scores ?? [];
        var all = new PastScore[past.Length + 3];
        past.CopyTo(all, 0);
        for (var p = 0; p < 3; p++)
        {
            all[past.Length + p] = new PastScore((Period)p, report.Keys[(Period)p], report.Scores[(Period)p]);
        }
        Array.Sort(all, Compare);
        return all;
    }

    public static int Compare(PastScore x, PastScore y) =>
        x.Period != y.Period ? x.Period.CompareTo(y.Period) : x.Key.CompareTo(y.Key);
}
