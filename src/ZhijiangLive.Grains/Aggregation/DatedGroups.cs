using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// A region's schools and child regions in one closed period, recounted from the current members' scores
/// in it: their rankings by mean score and how many schools met their targets.
/// </summary>
internal sealed record DatedGroups(Period Period, int Key, object Stamp, FrozenLeaderboard Schools, FrozenLeaderboard Children, int Meeting)
{
    private sealed class Tally
    {
        public int Members, Active;
        public long Sum;

        public double Mean => Members == 0 ? 0 : (double)Sum / Members;
    }

    public static DatedGroups Of(
        Period period,
        int key,
        object stamp,
        MemberTable members,
        IEnumerable<string> schoolIds,
        IEnumerable<string> childIds,
        Func<TeacherChange, string?> childOf,
        FigureRules rules)
    {
        var schools = schoolIds.ToDictionary(id => id, _ => new Tally(), StringComparer.Ordinal);
        var children = childIds.ToDictionary(id => id, _ => new Tally(), StringComparer.Ordinal);
        var threshold = rules.ThresholdOf(period);
        foreach (var report in members.Reports)
        {
            if (!report.Counted)
            {
                continue;
            }
            var score = report.ScoreAt(period, key);
            Count(schools, report.SchoolId, score, threshold);
            if (childOf(report) is { } child)
            {
                Count(children, child, score, threshold);
            }
        }
        var meeting = period == rules.TargetPeriod ? schools.Values.Count(t => rules.MeetsTargets(t.Members, t.Sum, t.Active)) : 0;
        return new DatedGroups(
            period,
            key,
            stamp,
            FrozenLeaderboard.Rank(schools.Select(s => (s.Key, s.Value.Mean))),
            FrozenLeaderboard.Rank(children.Select(c => (c.Key, c.Value.Mean))),
            meeting);
    }

    private static void Count(Dictionary<string, Tally> groups, string id, int score, int threshold)
    {
        if (!groups.TryGetValue(id, out var tally))
        {
            groups[id] = tally = new Tally();
        }
        tally.Members++;
        tally.Sum += score;
        if (score >= threshold) tally.Active++;
    }
}
