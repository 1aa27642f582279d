using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// A region's figures over every teacher under it, broken down by school and by child region, with the
/// school and child-region rankings and the count of schools meeting their targets. Kept by the region
/// grain; knows nothing of messages.
/// </summary>
public sealed class RegionFigures(FigureRules rules, PeriodKeys current, Func<TeacherChange, string?> childOf)
{
    private readonly Dictionary<string, GroupTotals> _schools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupTotals> _children = new(StringComparer.Ordinal);
    private readonly HashSet<string> _schoolsMeetingTargets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touchedSchools = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touchedChildren = new(StringComparer.Ordinal);
    private readonly Dictionary<int, FrozenLeaderboard> _publishedSchoolRankings = [];

    public MemberTable Members { get; } = new(rules, current, rankAsReportsArrive: true);
    public ILeaderboard[] SchoolBoards { get; } = [new SortedLeaderboard(), new SortedLeaderboard(), new SortedLeaderboard()];
    public ILeaderboard[] ChildBoards { get; } = [new SortedLeaderboard(), new SortedLeaderboard(), new SortedLeaderboard()];
    public PeriodKeys Current => Members.Current;
    public int Schools => _schools.Count;
    public int SchoolsMeetingTargets => _schoolsMeetingTargets.Count;
    public IReadOnlyDictionary<string, GroupTotals> SchoolTotals => _schools;
    public IReadOnlyDictionary<string, GroupTotals> ChildTotals => _children;

    /// <summary>The school ranking of a closed month, as it stood when the month closed.</summary>
    public FrozenLeaderboard? PublishedSchoolRanking(int monthKey) =>
        _publishedSchoolRankings.GetValueOrDefault(monthKey);

    public IReadOnlyDictionary<int, FrozenLeaderboard> PublishedSchoolRankings => _publishedSchoolRankings;

    internal void RestorePublished(int monthKey, FrozenLeaderboard ranking) => _publishedSchoolRankings[monthKey] = ranking;

    public void AddSchool(string schoolId, string? childId)
    {
        if (_schools.TryAdd(schoolId, default))
        {
            _touchedSchools.Add(schoolId);
        }
        if (childId is not null)
        {
            AddChild(childId);
        }
    }

    public void AddChild(string childId)
    {
        if (_children.TryAdd(childId, default))
        {
            _touchedChildren.Add(childId);
        }
    }

    /// <summary>Takes in one teacher report; false if it was stale. Call <see cref="Refresh"/> before reading rankings.</summary>
    public bool Apply(in TeacherChange report)
    {
        if (report.Keys.IsAfter(Current))
        {
            RollTo(report.Keys);
        }
        if (!Members.TryApply(report, out var previous))
        {
            return false;
        }
        if (previous.Counted)
        {
            Adjust(_schools, _touchedSchools, previous.SchoolId, previous, -1);
            Adjust(_children, _touchedChildren, childOf(previous), previous, -1);
        }
        if (report.Counted)
        {
            Adjust(_schools, _touchedSchools, report.SchoolId, report, +1);
            Adjust(_children, _touchedChildren, childOf(report), report, +1);
        }
        return true;
    }

    /// <summary>
    /// Brings the school and child-region rankings and target counts up to date with the reports taken in.
    /// Done when they are read rather than per report: a school touched by a thousand reports is re-ranked once.
    /// </summary>
    public void Refresh()
    {
        foreach (var schoolId in _touchedSchools)
        {
            var totals = _schools[schoolId];
            Rank(SchoolBoards, schoolId, totals);
            if (rules.MeetsTargets(totals)) _schoolsMeetingTargets.Add(schoolId);
            else _schoolsMeetingTargets.Remove(schoolId);
        }
        foreach (var childId in _touchedChildren)
        {
            Rank(ChildBoards, childId, _children[childId]);
        }
        _touchedSchools.Clear();
        _touchedChildren.Clear();
    }

    public void RollTo(PeriodKeys next)
    {
        if (!next.IsAfter(Current))
        {
            return;
        }
        Refresh();
        if (next.Month != Current.Month)
        {
            _publishedSchoolRankings[Current.Month] = SchoolBoards[(int)Period.Month].Freeze();
        }
        var previous = Current;
        Members.RollTo(next);
        RollAll(_schools, _touchedSchools, previous, next);
        RollAll(_children, _touchedChildren, previous, next);
        Refresh();
    }

    private void Adjust(Dictionary<string, GroupTotals> groups, HashSet<string> touched, string? id, in TeacherChange report, int sign)
    {
        if (id is null)
        {
            return;
        }
        ref var totals = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(groups, id, out _);
        totals.Apply(report, Current, rules, sign);
        touched.Add(id);
    }

    private void RollAll(Dictionary<string, GroupTotals> groups, HashSet<string> touched, PeriodKeys from, PeriodKeys to)
    {
        foreach (var id in groups.Keys)
        {
            ref var totals = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(groups, id);
            totals.Roll(from, to, rules);
            touched.Add(id);
        }
    }

    private static void Rank(ILeaderboard[] boards, string id, in GroupTotals totals)
    {
        foreach (var period in Periods.Periods.All)
        {
            boards[(int)period].Set(id, totals.Mean(period));
        }
    }
}
