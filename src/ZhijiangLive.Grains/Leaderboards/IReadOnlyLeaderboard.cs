namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// The queries every ranking answers, live or frozen. Listing order is score descending, then id in
/// ordinal order; a member's rank is 1 + the number of members with a strictly higher score (1, 2, 2, 4).
/// </summary>
public interface IReadOnlyLeaderboard
{
    int Count { get; }

    bool Contains(string id);

    double? ScoreOf(string id);

    /// <summary>Up to <paramref name="limit"/> (1..1000) entries from position <paramref name="offset"/> (≥ 0); Page(0, n) is the top n.</summary>
    IReadOnlyList<LeaderboardEntry> Page(int offset, int limit);

    /// <summary>Competition rank, or null when the member is absent.</summary>
    int? RankOf(string id);

    /// <summary>How many members have exactly <paramref name="score"/>: the size of the tie at its rank (0 when none has it).</summary>
    int CountAt(double score);

    /// <summary>The member with up to <paramref name="before"/> and <paramref name="after"/> (each 0..1000) neighbours, in listing order; empty if absent.</summary>
    IReadOnlyList<LeaderboardEntry> Around(string id, int before, int after);
}
