using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// The teachers a school or region counts: the latest report of each, the totals they add up to, and a
/// teacher ranking per period. Shared by school and region grains so both count the same way.
/// </summary>
/// <param name="rankAsReportsArrive">True for regions: their rankings of many teachers are kept current
/// report by report. False for a school: its few teachers are ranked when a query asks, which spares the
/// hot path three board updates per report.</param>
public sealed class MemberTable(FigureRules rules, PeriodKeys current, bool rankAsReportsArrive)
{
    // Reports of teachers that left (moved or locked) stay as tombstones so a stale report cannot revive them.
    private readonly Dictionary<string, TeacherChange> _reports = new(StringComparer.Ordinal);
    private readonly ILeaderboard[] _boards = rankAsReportsArrive
        ? [new BucketLeaderboard(), new BucketLeaderboard(), new BucketLeaderboard()]
        : [];
    private ILeaderboard[]? _rankedOnDemand;
    private GroupTotals _totals;

    public PeriodKeys Current { get; private set; } = current;
    public GroupTotals Totals => _totals;
    public PeriodHistory History { get; } = new();
    public IEnumerable<TeacherChange> Reports => _reports.Values;

    /// <summary>
    /// Takes <paramref name="report"/> in unless a newer one of the same teacher is already here;
    /// <paramref name="previous"/> is what it replaced (default if nothing was counted before).
    /// The caller rolls the periods first when the report is dated after <see cref="Current"/>.
    /// </summary>
    public bool TryApply(in TeacherChange report, out TeacherChange previous)
    {
        if (_reports.TryGetValue(report.TeacherId, out previous))
        {
            if (previous.Seq >= report.Seq)
            {
                return false;
            }
            if (previous.Counted)
            {
                _totals.Apply(previous, Current, rules, -1);
            }
        }
        _reports[report.TeacherId] = report;
        _rankedOnDemand = null;
        if (report.Counted)
        {
            _totals.Apply(report, Current, rules, +1);
        }
        if (rankAsReportsArrive)
        {
            Rank(_boards, report);
        }
        return true;
    }

    /// <summary>The ranking of counted teachers by their score in <paramref name="period"/>.</summary>
    public IReadOnlyLeaderboard TeacherBoard(Period period)
    {
        if (rankAsReportsArrive)
        {
            return _boards[(int)period];
        }
        if (_rankedOnDemand is null)
        {
            _rankedOnDemand = [new SortedLeaderboard(), new SortedLeaderboard(), new SortedLeaderboard()];
            foreach (var report in _reports.Values)
            {
                Rank(_rankedOnDemand, report);
            }
        }
        return _rankedOnDemand[(int)period];
    }

    private void Rank(ILeaderboard[] boards, in TeacherChange report)
    {
        for (var p = 0; p < boards.Length; p++)
        {
            if (report.Counted) boards[p].Set(report.TeacherId, report.ScoreIn((Period)p, Current));
            else boards[p].Remove(report.TeacherId);
        }
    }

    /// <summary>Moves to later periods: what closes is kept in <see cref="History"/>, the new ones start at 0.</summary>
    public void RollTo(PeriodKeys next)
    {
        if (!next.IsAfter(Current))
        {
            return;
        }
        History.Close(Current, next, _totals);
        _totals.Roll(Current, next, rules);
        _rankedOnDemand = null;
        foreach (var period in Periods.Periods.All)
        {
            if (rankAsReportsArrive && Current[period] != next[period])
            {
                _boards[(int)period].ResetScores();
            }
        }
        Current = next;
    }
}
