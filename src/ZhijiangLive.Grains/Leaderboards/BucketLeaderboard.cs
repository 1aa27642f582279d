namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// A ranking by integer score (teachers, 600,000 members in a province board). Members sit in one bucket
/// per score value, counted by a Fenwick tree: an update or a rank query costs a few array steps whatever
/// the membership, and a bucket sorts its members by id only when a query reaches it. Three rankings of one
/// membership are cheaper as a <see cref="PeriodLeaderboards"/>.
/// </summary>
public sealed class BucketLeaderboard : ILeaderboard
{
    /// <summary>The widest score range one board covers (each value in it costs 12 bytes).</summary>
    public const int MaxScoreSpan = 1 << 20;

    // One ranking of its own membership: the same parts as a region's three, with one lane.
    private readonly PeriodLeaderboards _ranking = new(1);
    private readonly LaneBoard _board;

    public BucketLeaderboard()
    {
        _board = _ranking.Lane(0);
    }

    public int Count => _ranking.Count;

    public bool Contains(string id) => _board.Contains(id);

    public double? ScoreOf(string id) => _board.ScoreOf(id);

    /// <exception cref="ArgumentException">The score is not an integer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The board's scores would span more than <see cref="MaxScoreSpan"/> values.</exception>
    public void Set(string id, double score)
    {
        LeaderboardQuery.ValidateId(id);
        _ranking.Set(id, [IntegerScore(score)]);
    }

    public bool Remove(string id) => _ranking.Remove(id);

    public IReadOnlyList<LeaderboardEntry> Page(int offset, int limit) => _board.Page(offset, limit);

    public int? RankOf(string id) => _board.RankOf(id);

    public int CountAt(double score) => _board.CountAt(score);

    public IReadOnlyList<LeaderboardEntry> Around(string id, int before, int after) => _board.Around(id, before, after);

    public void ResetScores() => _board.ResetScores();

    public FrozenLeaderboard Freeze() => _board.Freeze();

    /// <exception cref="ArgumentException">The score is not an integer.</exception>
    private static int IntegerScore(double score) =>
        double.IsInteger(score) && score >= int.MinValue && score <= int.MaxValue
            ? (int)score
            : throw new ArgumentException($"{nameof(BucketLeaderboard)} takes integer scores; {score} is not one.", nameof(score));
}
