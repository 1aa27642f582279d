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
    private DatedGroups? _datedGroups;
    private readonly Dictionary<(Period, int), OpenGroupRanking> _openGroups = [];
    // Months already closed to late events when the region first looked are not published: it did not see them close.
    private int _firstMonth = int.MaxValue;

    public MemberTable Members { get; } = new(rules, current, rankAsReportsArrive: true);
    public ILeaderboard[] SchoolBoards { get; } = [new SortedLeaderboard(), new SortedLeaderboard(), new SortedLeaderboard()];
    public ILeaderboard[] ChildBoards { get; } = [new SortedLeaderboard(), new SortedLeaderboard(), new SortedLeaderboard()];
    public PeriodKeys Current => Members.Current;
    public int Schools => _schools.Count;
    public int SchoolsMeetingTargets => _schoolsMeetingTargets.Count;
    public IReadOnlyDictionary<string, GroupTotals> SchoolTotals => _schools;
    public IReadOnlyDictionary<string, GroupTotals> ChildTotals => _children;

    /// <summary>The school ranking of a month, as it stood when the month's last day left the grace window.</summary>
    public FrozenLeaderboard? PublishedSchoolRanking(int monthKey) =>
        _publishedSchoolRankings.GetValueOrDefault(monthKey);

    public IReadOnlyDictionary<int, FrozenLeaderboard> PublishedSchoolRankings => _publishedSchoolRankings;

    /// <summary>Counts the publications: a snapshot is due when it moved past the one written.</summary>
    public long Publications { get; private set; }

    internal void RestorePublished(int monthKey, FrozenLeaderboard ranking, long publications)
    {
        _publishedSchoolRankings[monthKey] = ranking;
        _firstMonth = Math.Min(_firstMonth, monthKey);
        Publications = Math.Max(Publications, publications);
    }

    /// <summary>
    /// Publishes the school ranking of every month of this year and last that late events can no longer
    /// reach (before <paramref name="firstOpenMonth"/>) and that is not yet published: months the region saw
    /// close, and earlier ones its teachers scored in (their grace window ended while the silo was down).
    /// </summary>
    public void PublishClosedMonths(int firstOpenMonth)
    {
        _firstMonth = Math.Min(_firstMonth, firstOpenMonth);
        for (var month = (Current.Year - 1) * 12; month < firstOpenMonth; month++)
        {
            if (!_publishedSchoolRankings.ContainsKey(month) && (month >= _firstMonth || Members.Figures(Period.Month, month).Total != 0))
            {
                Refresh();
                _publishedSchoolRankings[month] = month == Current.Month
                    ? SchoolBoards[(int)Period.Month].Freeze()
                    : GroupsIn(Period.Month, month).Schools;
                Publications++;
            }
        }
    }

    /// <summary>
    /// The school ranking by mean score in period <paramref name="key"/>, current or closed: kept current
    /// once asked while late events can reach the period (from <paramref name="firstOpenDay"/>), built when
    /// asked before that.
    /// </summary>
    public IReadOnlyLeaderboard SchoolBoard(Period period, int key, int firstOpenDay) =>
        key == Current[period] ? SchoolBoards[(int)period]
        : OpenPeriods.IsOpen(period, key, firstOpenDay) ? OpenGroups(period, key).Schools(id => _schools.GetValueOrDefault(id).Members)
        : GroupsIn(period, key).Schools;

    /// <summary>The child-region ranking by mean score in period <paramref name="key"/>, as <see cref="SchoolBoard"/>.</summary>
    public IReadOnlyLeaderboard ChildBoard(Period period, int key, int firstOpenDay) =>
        key == Current[period] ? ChildBoards[(int)period]
        : OpenPeriods.IsOpen(period, key, firstOpenDay) ? OpenGroups(period, key).Children(id => _children.GetValueOrDefault(id).Members)
        : GroupsIn(period, key).Children;

    /// <summary>Stops keeping current the rankings of periods late events can no longer reach.</summary>
    public void CloseOpenPeriods(int firstOpenDay)
    {
        Members.CloseOpenBoards(firstOpenDay);
        OpenPeriods.ForgetClosed(_openGroups, firstOpenDay);
    }

    private OpenGroupRanking OpenGroups(Period period, int key)
    {
        if (!_openGroups.TryGetValue((period, key), out var groups))
        {
            _openGroups[(period, key)] = groups = OpenGroupRanking.Build(period, key, childOf, Members, _schools.Keys, _children.Keys);
        }
        return groups;
    }

    /// <summary>How many schools met both targets in the target period <paramref name="key"/>.</summary>
    public int SchoolsMeetingTargetsIn(int key) =>
        key == Current[rules.TargetPeriod] ? SchoolsMeetingTargets : GroupsIn(rules.TargetPeriod, key).Meeting;

    public void AddSchool(string schoolId, string? childId)
    {
        if (_schools.TryAdd(schoolId, default))
        {
            _touchedSchools.Add(schoolId);
            foreach (var open in _openGroups.Values) open.AddSchool(schoolId);
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
            foreach (var open in _openGroups.Values) open.AddChild(childId);
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
        Move(_schools, _touchedSchools, previous.Counted ? previous.SchoolId : null, report.Counted ? report.SchoolId : null, previous, report);
        Move(_children, _touchedChildren, previous.Counted ? childOf(previous) : null, report.Counted ? childOf(report) : null, previous, report);
        foreach (var open in _openGroups.Values)
        {
            open.Count(previous, -1);
            open.Count(report, +1);
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
        var previous = Current;
        Members.RollTo(next);
        RollAll(_schools, _touchedSchools, previous, next);
        RollAll(_children, _touchedChildren, previous, next);
        Refresh();
    }

    private DatedGroups GroupsIn(Period period, int key)
    {
        var stamp = (Members.StampOf(period, key), _schools.Count, _children.Count);
        if (_datedGroups is { } kept && kept.Period == period && kept.Key == key && kept.Stamp.Equals(stamp))
        {
            return kept;
        }
        return _datedGroups = DatedGroups.Of(period, key, stamp, Members, _schools.Keys, _children.Keys, childOf, rules);
    }

    /// <summary>Takes the previous report out of group <paramref name="from"/> and the new one into <paramref name="to"/> (null: none).</summary>
    private void Move(Dictionary<string, GroupTotals> groups, HashSet<string> touched, string? from, string? to, in TeacherChange previous, in TeacherChange report)
    {
        if (from is not null && string.Equals(from, to, StringComparison.Ordinal))
        {
            // The usual case, a teacher that stayed: one look-up of its group instead of two.
            ref var totals = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(groups, from, out _);
            totals.Apply(previous, Current, rules, -1);
            totals.Apply(report, Current, rules, +1);
            touched.Add(from);
            return;
        }
        Adjust(groups, touched, from, previous, -1);
        Adjust(groups, touched, to, report, +1);
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
