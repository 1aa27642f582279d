namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// A ranking by integer score (teachers, 600,000 members in a province board). Members sit in one bucket
/// per score value, counted by a Fenwick tree: an update or a rank query costs a few array steps whatever
/// the membership, and a bucket sorts its members by id only when a query reaches it.
/// </summary>
public sealed class BucketLeaderboard : ILeaderboard
{
    /// <summary>The widest score range one board covers (each value in it costs 12 bytes).</summary>
    public const int MaxScoreSpan = 1 << 20;

    private readonly MemberSlots _slots = new();
    private readonly ScoreIndex _index;

    public BucketLeaderboard()
    {
        _index = new ScoreIndex(_slots, MaxScoreSpan);
    }

    public int Count => _slots.Count;

    public bool Contains(string id) => TryGetSlot(id, out _);

    public double? ScoreOf(string id) => TryGetSlot(id, out var slot) ? _slots.Score(slot) : null;

    /// <exception cref="ArgumentException">The score is not an integer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The board's scores would span more than <see cref="MaxScoreSpan"/> values.</exception>
    public void Set(string id, double score)
    {
        LeaderboardQuery.ValidateId(id);
        if (!double.IsInteger(score) || score < int.MinValue || score > int.MaxValue)
        {
            throw new ArgumentException($"{nameof(BucketLeaderboard)} takes integer scores; {score} is not one.", nameof(score));
        }
        var value = (int)score;
        _index.Cover(value);
        if (_slots.TryGetSlot(id, out var slot))
        {
            if (_slots.Score(slot) == value)
            {
                return;
            }
            _index.Leave(slot);
            _slots.Score(slot) = value;
        }
        else
        {
            slot = _slots.Add(id, value);
        }
        _index.Enter(slot);
    }

    public bool Remove(string id)
    {
        if (!TryGetSlot(id, out var slot))
        {
            return false;
        }
        _index.Leave(slot);
        _slots.Free(slot);
        return true;
    }

    public IReadOnlyList<LeaderboardEntry> Page(int offset, int limit)
    {
        LeaderboardQuery.ValidatePage(offset, limit);
        return Slice(offset, limit);
    }

    public int? RankOf(string id) => TryGetSlot(id, out var slot) ? _index.CountAbove(_slots.Score(slot)) + 1 : null;

    public int CountAt(double score) => double.IsInteger(score) && score is >= int.MinValue and <= int.MaxValue ? _index.CountAt((int)score) : 0;

    public IReadOnlyList<LeaderboardEntry> Around(string id, int before, int after)
    {
        LeaderboardQuery.ValidateAround(before, after);
        if (!TryGetSlot(id, out var slot))
        {
            return [];
        }
        var position = _index.PositionOf(slot);
        var start = Math.Max(0, position - before);
        return Slice(start, position - start + after + 1);
    }

    public void ResetScores() => _index.ResetToZero();

    public FrozenLeaderboard Freeze()
    {
        var ids = new string[Count];
        var scores = new double[Count];
        var written = 0;
        _index.Walk(0, Count, (id, score, _) =>
        {
            ids[written] = id;
            scores[written++] = score;
        });
        return FrozenLeaderboard.FromListing(ids, scores);
    }

    private bool TryGetSlot(string id, out int slot)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _slots.TryGetSlot(id, out slot);
    }

    private List<LeaderboardEntry> Slice(int start, int count)
    {
        var end = (int)Math.Min((long)start + count, Count);
        var entries = new List<LeaderboardEntry>(Math.Max(0, end - start));
        _index.Walk(start, end, (id, score, rank) => entries.Add(new LeaderboardEntry(rank, id, score)));
        return entries;
    }
}
