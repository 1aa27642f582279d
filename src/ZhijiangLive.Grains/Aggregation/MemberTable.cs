using System.Runtime.InteropServices;
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
    private readonly PeriodLeaderboards? _boards = rankAsReportsArrive ? new PeriodLeaderboards(Periods.Periods.All.Length) : null;
    private readonly PeriodBuckets _buckets = new(rules);
    private readonly DatedRankings _dated = new();
    private readonly OpenPeriodBoards _openBoards = new();
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
        // One look-up for the read and the write: a province table holds 600,000 teachers, each look-up a cache miss or two.
        ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(_reports, report.TeacherId, out var known);
        previous = kept;
        if (known && previous.Seq >= report.Seq)
        {
            return false;
        }
        var wasCounted = known && previous.Counted;
        kept = report;
        _rankedOnDemand = null;
        if (wasCounted && report.Counted)
        {
            Recount(previous, report);
        }
        else
        {
            if (wasCounted)
            {
                foreach (var (period, key, score) in new TeacherScores(previous))
                {
                    _buckets.Add(period, key, score, -1);
                }
                Members--;
            }
            if (report.Counted)
            {
                foreach (var (period, key, score) in new TeacherScores(report))
                {
                    _buckets.Add(period, key, score, +1);
                }
                Members++;
            }
            _openBoards.Enter(report);
        }
        if (!known || previous.Counted != report.Counted || previous.SchoolId != report.SchoolId)
        {
            MembershipChanges++;
        }
        if (_boards is not null)
        {
            Rank(_boards, report);
        }
        return true;
    }

    /// <summary>
    /// Counts what changed between two reports of a counted teacher, period by period, so that a period
    /// whose score stayed the same is not touched (and its closed ranking stays valid).
    /// </summary>
    private void Recount(in TeacherChange previous, in TeacherChange report)
    {
        // The past is usually the very one already counted: only the current periods can differ.
        if (previous.Keys == report.Keys && TeacherPast.Same(previous.Past, report.Past))
        {
            foreach (var period in Periods.Periods.All)
            {
                Change(report.TeacherId, period, report.Keys[period], previous.Scores[period], report.Scores[period]);
            }
            return;
        }
        var (before, after) = (new TeacherScores(previous), new TeacherScores(report));
        var (hasBefore, hasAfter) = (before.MoveNext(), after.MoveNext());
        while (hasBefore || hasAfter)
        {
            var order = !hasBefore ? 1 : !hasAfter ? -1 : TeacherScores.Compare(before.Current, after.Current);
            var (period, key) = order <= 0 ? (before.Current.Period, before.Current.Key) : (after.Current.Period, after.Current.Key);
            Change(report.TeacherId, period, key, order <= 0 ? before.Current.Score : 0, order >= 0 ? after.Current.Score : 0);
            if (order <= 0) hasBefore = before.MoveNext();
            if (order >= 0) hasAfter = after.MoveNext();
        }
    }

    private void Change(string teacherId, Period period, int key, int before, int after)
    {
        if (before == after)
        {
            return;
        }
        _buckets.Add(period, key, before, -1);
        _buckets.Add(period, key, after, +1);
        _openBoards.Change(teacherId, period, key, after);
    }

    /// <summary>The ranking of counted teachers by their score in the current <paramref name="period"/>.</summary>
    public IReadOnlyLeaderboard TeacherBoard(Period period)
    {
        if (_boards is not null)
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

    /// <summary>
    /// The ranking of counted teachers by their score in period <paramref name="key"/>, current or closed.
    /// A closed period late events can still reach (at or after <paramref name="firstOpenDay"/>'s) is kept
    /// current report by report once asked for, where the table ranks as reports arrive; an older one is
    /// built when asked and kept until a member joins, leaves or moves.
    /// </summary>
    public IReadOnlyLeaderboard TeacherBoard(Period period, int key, int firstOpenDay)
    {
        if (key == Current[period])
        {
            return TeacherBoard(period);
        }
        if (rankAsReportsArrive && OpenPeriods.IsOpen(period, key, firstOpenDay))
        {
            return _openBoards.Get(period, key, _reports.Values);
        }
        return _dated.Get(("teachers", period, key), StampOf(period, key), () => FrozenLeaderboard.Rank(
            _reports.Values.Where(r => r.Counted).Select(r => (r.TeacherId, (double)r.ScoreAt(period, key)))));
    }

    /// <summary>Stops keeping current the rankings of periods late events can no longer reach.</summary>
    public void CloseOpenBoards(int firstOpenDay) => _openBoards.ForgetClosed(firstOpenDay);

    private void Rank(PeriodLeaderboards boards, in TeacherChange report)
    {
        if (report.Counted)
        {
            boards.Set(report.TeacherId, [report.ScoreIn(Period.Day, Current), report.ScoreIn(Period.Month, Current), report.ScoreIn(Period.Year, Current)]);
        }
        else
        {
            boards.Remove(report.TeacherId);
        }
    }

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
            if (_boards is not null && Current[period] != next[period])
            {
                _boards.ResetScores((int)period);
            }
        }
        Current = next;
        _buckets.ForgetBefore(Period.Day, next.Day - DaysKept);
        _buckets.ForgetBefore(Period.Month, (next.Year - 1) * 12);
    }
}
