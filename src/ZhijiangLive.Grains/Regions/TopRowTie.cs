using Orleans;
using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// Beside a top row: how many members share its rank (all of them, not only those listed) and its score
/// in the tie-break period, which tells tied members apart on the dashboard.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.TopRowTie")]
public readonly record struct TopRowTie(int Tied, double TieBreak)
{
    /// <summary>The period that breaks ties: the month for the day and the year, the year for the month.</summary>
    public static Period TieBreakPeriodOf(Period period) => period == Period.Month ? Period.Year : Period.Month;

    /// <summary>One per entry of <paramref name="top"/>, from its own board and the tie-break period's.</summary>
    public static TopRowTie[] Of(IReadOnlyList<LeaderboardEntry> top, IReadOnlyLeaderboard board, IReadOnlyLeaderboard tieBreak)
    {
        var ties = new TopRowTie[top.Count];
        for (var i = 0; i < ties.Length; i++)
        {
            var entry = top[i];
            var tied = i > 0 && top[i - 1].Score == entry.Score ? ties[i - 1].Tied : board.CountAt(entry.Score);
            ties[i] = new TopRowTie(tied, tieBreak.ScoreOf(entry.Id) ?? 0);
        }
        return ties;
    }
}
