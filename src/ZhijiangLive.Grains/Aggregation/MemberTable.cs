using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// The teachers a school or region counts: the latest report of each, the figures they add up to in every
/// kept period, and a teacher ranking per period. Shared by school and region grains so both count the
/// same way.
/// </summary>
/// <param name="rankAsReportsArrive">True for regions: their rankings of many teachers are kept current
/// report by report. False for a school: its few teachers are ranked when a query asks, which spares the
/// hot path three board updates per report.</param>
public sealed class MemberTable(FigureRules rules, PeriodKeys current, bool rankAsReportsArrive)
{
    /// <summary>Closed days a group keeps figures for; queries are bounded tighter by the rule pack's history.</summary>
    private const int DaysKept = 62;

    // Reports of teachers that left (moved or locked) stay as tombstones so a stale report cannot revive them.
    private readonly Dictionary<string, TeacherChange> _reports = new(StringComparer.Ordinal);
    private readonly ILeaderboard[] _boards = rankAsReportsArrive
        ? [new BucketLeaderboard(), new BucketLeaderboard(), new BucketLeaderboard()]
        : [];
    private readonly PeriodBuckets _buckets = new(rules);
    private readonly DatedRankings _dated = new();
    private ILeaderboard[]? _rankedOnDemand;

    public PeriodKeys Current { get; private set; } = current;

    /// <summary>Counted (unlocked) teachers: every period's mean and ratio is over them.</summary>
    public int Members { get; private set; }

    /// <summary>Grows whenever a teacher joins, leaves, or changes school or region: rankings by member change then.</summary>
    public long MembershipChanges { get; private set; }

    public IEnumerable<TeacherChange> Reports => _reports.Values;

    /// <summary>The figures of the current periods, as one set of totals.</summary>
    public GroupTotals Totals
    {
        get
        {
            var (day, month, year) = (Figures(Period.Day, Current.Day), Figures(Period.Month, Current.Month), Figures(Period.Year, Current.Year));
            return new GroupTotals
            {
                Members = Members,
                DaySum = day.Total, MonthSum = month.Total, YearSum = year.Total,
                DayActive = day.Active, MonthActive = month.Active, YearActive = year.Active,
            };
        }
    }

    /// <summary>The figures of period <paramref name="key"/>: the sum over the current members' scores in it.</summary>
    public PeriodFigures Figures(Period period, int key) => _buckets.Figures(period, key, Members);

    /// <summary>A stamp that changes whenever anything a ranking of period <paramref name="key"/> depends on changes.</summary>
    public (long, long) StampOf(Period period, int key) => (_buckets.Find(period, key)?.Changes ?? 0, MembershipChanges);

    /// <summary>
    /// Takes <paramref name="report"/> in unless a newer one of the same teacher is already here;
    /// <paramref name="previous"/> is what it replaced (default if nothing was counted before).
    /// The caller rolls the periods first when the report is dated after <see cref="Current"/>.
    /// </summary>
    public bool TryApply(in TeacherChange report, out TeacherChange previous)
    {
        var known = _reports.TryGetValue(report.TeacherId, out previous);
        if (known && previous.Seq >= report.Seq)
        {
            return false;
        }
        // The past is usually the very one already counted: only the current periods need re-counting.
        var pastChanged = !(known && previous.Counted && report.Counted
            && previous.Keys == report.Keys && TeacherPast.Same(previous.Past, report.Past));
        if (known && previous.Counted)
        {
            _buckets.Add(previous, -1, withPast: pastChanged);
            Members--;
        }
        _reports[report.TeacherId] = report;
        _rankedOnDemand = null;
        if (report.Counted)
        {
            _buckets.Add(report, +1, withPast: pastChanged);
            Members++;
        }
        if (!known || previous.Counted != report.Counted || previous.SchoolId != report.SchoolId)
        {
            MembershipChanges++;
        }
        if (rankAsReportsArrive)
        {
            Rank(_boards, report);
        }
        return true;
    }

    /// <summary>The ranking of counted teachers by their score in the current <paramref name="period"/>.</summary>
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

    /// <summary>The ranking of counted teachers by their score in period <paramref name="key"/>, current or closed.</summary>
    public IReadOnlyLeaderboard TeacherBoard(Period period, int key) =>
        key == Current[period]
            ? TeacherBoard(period)
            : _dated.Get(("teachers", period, key), StampOf(period, key), () => FrozenLeaderboard.Rank(
                _reports.Values.Where(r => r.Counted).Select(r => (r.TeacherId, (double)r.ScoreAt(period, key)))));

    private void Rank(ILeaderboard[] boards, in TeacherChange report)
    {
        for (var p = 0; p < boards.Length; p++)
        {
            if (report.Counted) boards[p].Set(report.TeacherId, report.ScoreIn((Period)p, Current));
            else boards[p].Remove(report.TeacherId);
        }
    }

    /// <summary>Moves to later periods: the new ones start at 0, the closed ones keep counting late reports.</summary>
    public void RollTo(PeriodKeys next)
    {
        if (!next.IsAfter(Current))
        {
            return;
        }
        _rankedOnDemand = null;
        foreach (var period in Periods.Periods.All)
        {
            if (rankAsReportsArrive && Current[period] != next[period])
            {
                _boards[(int)period].ResetScores();
            }
        }
        Current = next;
        _buckets.ForgetBefore(Period.Day, next.Day - DaysKept);
        _buckets.ForgetBefore(Period.Month, (next.Year - 1) * 12);
    }
}
