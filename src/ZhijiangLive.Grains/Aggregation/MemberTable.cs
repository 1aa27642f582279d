using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// The teachers a school or region counts: the latest report of each, the totals they add up to, and a
/// teacher ranking per period. Shared by school and region grains so both count the same way.
/// </summary>
/// <param name="newBoard">Makes the teacher rankings: bucketed boards for regions with many teachers, sorted
/// ones for a school, whose few teachers would not pay for a bucket per score value.</param>
public sealed class MemberTable(FigureRules rules, PeriodKeys current, Func<ILeaderboard> newBoard)
{
    // Reports of teachers that left (moved or locked) stay as tombstones so a stale report cannot revive them.
    private readonly Dictionary<string, TeacherChange> _reports = new(StringComparer.Ordinal);
    private GroupTotals _totals;

    public PeriodKeys Current { get; private set; } = current;
    public GroupTotals Totals => _totals;
    public ILeaderboard[] TeacherBoards { get; } = [newBoard(), newBoard(), newBoard()];
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
        if (report.Counted)
        {
            _totals.Apply(report, Current, rules, +1);
            for (var p = 0; p < TeacherBoards.Length; p++)
            {
                TeacherBoards[p].Set(report.TeacherId, report.ScoreIn((Period)p, Current));
            }
        }
        else
        {
            foreach (var board in TeacherBoards)
            {
                board.Remove(report.TeacherId);
            }
        }
        return true;
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
        foreach (var period in Periods.Periods.All)
        {
            if (Current[period] != next[period])
            {
                TeacherBoards[(int)period].ResetScores();
            }
        }
        Current = next;
    }
}
