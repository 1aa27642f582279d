using Orleans;
using ZhijiangLive.Grains.Leaderboards;

namespace ZhijiangLive.Grains.Ranking;

/// <summary>
/// Entries of a ranking (competition ranks, ties listed by id) and how many members it has.
/// <see cref="Provisional"/> is true while late events may still change the ranked period.
/// </summary>
[GenerateSerializer, Alias("zl.RankingPage")]
public sealed record RankingPage(IReadOnlyList<LeaderboardEntry> Entries, int Total, bool Provisional = false)
{
    public static RankingPage Empty { get; } = new([], 0);

    public static RankingPage From(IReadOnlyLeaderboard board, RankingRequest request) => new(
        request.AroundId is { } around
            ? board.Around(around, request.Limit / 2, request.Limit - request.Limit / 2 - 1)
            : board.Page(request.Offset, request.Limit),
        board.Count);
}
