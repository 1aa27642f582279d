using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// Live rankings of closed periods that late events can still reach (the days, and at a month's start the
/// month, inside the grace window), made on first asking and then kept current report by report, so a
/// stream of late events does not rebuild a province's ranking on every read.
/// </summary>
internal sealed class OpenPeriodBoards
{
    private readonly Dictionary<(Period, int), BucketLeaderboard> _boards = [];

    public BucketLeaderboard Get(Period period, int key, IEnumerable<TeacherChange> reports)
    {
        if (!_boards.TryGetValue((period, key), out var board))
        {
            board = new BucketLeaderboard();
            foreach (var report in reports)
            {
                if (report.Counted)
                {
                    board.Set(report.TeacherId, report.ScoreAt(period, key));
                }
            }
            _boards[(period, key)] = board;
        }
        return board;
    }

    /// <summary>A counted teacher's score in one period changed.</summary>
    public void Change(string teacherId, Period period, int key, int score)
    {
        if (_boards.TryGetValue((period, key), out var board))
        {
            board.Set(teacherId, score);
        }
    }

    /// <summary>A teacher joined (ranked in every open period) or left (in none).</summary>
    public void Enter(in TeacherChange report)
    {
        foreach (var ((period, key), board) in _boards)
        {
            if (report.Counted) board.Set(report.TeacherId, report.ScoreAt(period, key));
            else board.Remove(report.TeacherId);
        }
    }

    public void ForgetClosed(int firstOpenDay) => OpenPeriods.ForgetClosed(_boards, firstOpenDay);
}
