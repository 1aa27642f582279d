namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// Several rankings by integer score over one membership, as a region keeps its teachers by day, month and
/// year. Each ranking answers like a <see cref="BucketLeaderboard"/>, but a member is looked up once for all of
/// them and its places in each lie together: three separate boards of a province's 600,000 teachers cost three
/// look-ups and some fifteen cache misses a report.
/// </summary>
public sealed class PeriodLeaderboards
{
    private readonly MemberSlots _slots;
    private readonly LaneBoard[] _boards;

    public PeriodLeaderboards(int rankings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rankings, 1);
        _slots = new MemberSlots(rankings);
        _boards = new LaneBoard[rankings];
        for (var lane = 0; lane < rankings; lane++)
        {
            _boards[lane] = new LaneBoard(_slots, lane);
        }
    }

    public int Count => _slots.Count;

    /// <summary>Ranking number <paramref name="ranking"/>.</summary>
    public IReadOnlyLeaderboard this[int ranking] => _boards[ranking];

    /// <summary>Ranking number <paramref name="ranking"/> with what only its owners may do (reset, freeze).</summary>
    internal LaneBoard Lane(int ranking) => _boards[ranking];

    /// <summary>Puts a member at one score in each ranking, in order; with nothing changed if one is out of range.</summary>
    /// <exception cref="ArgumentException">Not one score per ranking.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A ranking's scores would span more than <see cref="BucketLeaderboard.MaxScoreSpan"/> values.</exception>
    public void Set(string id, ReadOnlySpan<int> scores)
    {
        LeaderboardQuery.ValidateId(id);
        if (scores.Length != _boards.Length)
        {
            throw new ArgumentException($"{_boards.Length} scores are needed, one per ranking; {scores.Length} were given.", nameof(scores));
        }
        for (var lane = 0; lane < _boards.Length; lane++)
        {
            _boards[lane].Cover(scores[lane]);
        }
        var known = _slots.TryGetSlot(id, out var slot);
        if (!known)
        {
            slot = _slots.Add(id);
        }
        for (var lane = 0; lane < _boards.Length; lane++)
        {
            _boards[lane].Place(slot, scores[lane], isNew: !known);
        }
    }

    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_slots.TryGetSlot(id, out var slot))
        {
            return false;
        }
        foreach (var board in _boards)
        {
            board.Take(slot);
        }
        _slots.Free(slot);
        return true;
    }

    /// <summary>Puts every member of ranking <paramref name="ranking"/> at 0, as a new period begins.</summary>
    public void ResetScores(int ranking) => _boards[ranking].ResetScores();
}
