namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// One ranking by integer score over the members of a <see cref="MemberSlots"/>: the buckets of its lane and
/// every query. The owner (<see cref="PeriodLeaderboards"/>, also inside each <see cref="BucketLeaderboard"/>) finds the slot
/// and keeps the membership; this places the slot's score.
/// </summary>
internal sealed class LaneBoard : IReadOnlyLeaderboard
{
    private readonly MemberSlots _slots;
    private readonly SlotLane _lane;
    private readonly ScoreIndex _index;

    public LaneBoard(MemberSlots slots, int lane)
    {
        _slots = slots;
        _lane = new SlotLane(slots, lane);
        _index = new ScoreIndex(_lane, BucketLeaderboard.MaxScoreSpan);
    }

    public int Count => _slots.Count;

    /// <summary>Makes the score range reach <paramref name="score"/>, or throws with nothing changed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The scores would span more than <see cref="BucketLeaderboard.MaxScoreSpan"/> values.</exception>
    public void Cover(int score) => _index.Cover(score);

    /// <summary>Puts a slot at <paramref name="score"/> (covered first); <paramref name="isNew"/> for a slot not yet in this lane.</summary>
    public void Place(int slot, int score, bool isNew)
    {
        if (!isNew)
        {
            if (_lane.Score(slot) == score)
            {
                return;
            }
            _index.Leave(slot);
        }
        _lane.Score(slot) = score;
        _index.Enter(slot);
    }

    /// <summary>Takes a slot out of this lane, before the owner frees it.</summary>
    public void Take(int slot) => _index.Leave(slot);

    public bool Contains(string id) => TryGetSlot(id, out _);

    public double? ScoreOf(string id) => TryGetSlot(id, out var slot) ? _lane.Score(slot) : null;

    public IReadOnlyList<LeaderboardEntry> Page(int offset, int limit)
    {
        LeaderboardQuery.ValidatePage(offset, limit);
        return Slice(offset, limit);
    }

    public int? RankOf(string id) => TryGetSlot(id, out var slot) ? _index.CountAbove(_lane.Score(slot)) + 1 : null;

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
