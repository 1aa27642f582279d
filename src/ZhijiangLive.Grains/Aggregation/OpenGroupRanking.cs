using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// A region's schools and child regions ranked by mean score in one closed period late events can still
/// reach, kept current report by report once asked for: each report moves its teacher's score in the period
/// out of its old school and into its new one, and a read re-ranks only the groups touched since the last.
/// </summary>
internal sealed class OpenGroupRanking(Period period, int key, Func<TeacherChange, string?> childOf)
{
    private readonly Dictionary<string, long> _schoolSums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _childSums = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touchedSchools = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touchedChildren = new(StringComparer.Ordinal);
    private readonly SortedLeaderboard _schools = new();
    private readonly SortedLeaderboard _children = new();

    public static OpenGroupRanking Build(
        Period period, int key, Func<TeacherChange, string?> childOf,
        MemberTable members, IEnumerable<string> schoolIds, IEnumerable<string> childIds)
    {
        var ranking = new OpenGroupRanking(period, key, childOf);
        foreach (var school in schoolIds) ranking.AddSchool(school);
        foreach (var child in childIds) ranking.AddChild(child);
        foreach (var report in members.Reports)
        {
            ranking.Count(report, +1);
        }
        return ranking;
    }

    public void AddSchool(string schoolId)
    {
        _schoolSums.TryAdd(schoolId, 0);
        _touchedSchools.Add(schoolId);
    }

    public void AddChild(string childId)
    {
        _childSums.TryAdd(childId, 0);
        _touchedChildren.Add(childId);
    }

    /// <summary>Adds (<paramref name="sign"/> 1) or takes away (−1) one counted teacher's score in the period.</summary>
    public void Count(in TeacherChange report, int sign)
    {
        if (!report.Counted)
        {
            return;
        }
        var score = sign * (long)report.ScoreAt(period, key);
        Add(_schoolSums, _touchedSchools, report.SchoolId, score);
        if (childOf(report) is { } child)
        {
            Add(_childSums, _touchedChildren, child, score);
        }
    }

    /// <summary>The schools ranked, their means over <paramref name="membersOf"/> (each group's counted teachers now).</summary>
    public IReadOnlyLeaderboard Schools(Func<string, int> membersOf) => Ranked(_schools, _schoolSums, _touchedSchools, membersOf);

    public IReadOnlyLeaderboard Children(Func<string, int> membersOf) => Ranked(_children, _childSums, _touchedChildren, membersOf);

    private static void Add(Dictionary<string, long> sums, HashSet<string> touched, string id, long score)
    {
        sums[id] = sums.GetValueOrDefault(id) + score;
        // Touched even when the score is 0: the group's membership, and so its mean, may have changed.
        touched.Add(id);
    }

    private static SortedLeaderboard Ranked(SortedLeaderboard board, Dictionary<string, long> sums, HashSet<string> touched, Func<string, int> membersOf)
    {
        foreach (var id in touched)
        {
            var members = membersOf(id);
            board.Set(id, members == 0 ? 0 : (double)sums[id] / members);
        }
        touched.Clear();
        return board;
    }
}
