using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// Rankings of closed periods, built when first asked and kept while nothing they depend on changes:
/// a late event or a move rebuilds one ranking on its next read, not on every report.
/// </summary>
internal sealed class DatedRankings
{
    // A handful of periods are asked at a time (yesterday, last month); a province ranking is about 24 bytes a teacher.
    private const int Kept = 8;
    private readonly Dictionary<(string, Period, int), (object Stamp, FrozenLeaderboard Board)> _built = [];

    public FrozenLeaderboard Get((string Kind, Period Period, int Key) what, object stamp, Func<FrozenLeaderboard> build)
    {
        if (_built.TryGetValue(what, out var kept) && kept.Stamp.Equals(stamp))
        {
            return kept.Board;
        }
        if (_built.Count >= Kept)
        {
            _built.Clear();
        }
        var board = build();
        _built[what] = (stamp, board);
        return board;
    }
}
