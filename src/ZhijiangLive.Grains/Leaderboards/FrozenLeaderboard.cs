namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// An immutable snapshot of a ranking (a closed month's publication): the listing in flat arrays with
/// each entry's rank, plus the listing positions in id order so a member is found by binary search —
/// 24 bytes a member and no dictionary.
/// </summary>
public sealed class FrozenLeaderboard : IReadOnlyLeaderboard
{
    private readonly string[] _ids;
    private readonly double[] _scores;
    private readonly int[] _ranks;
    private readonly int[] _positionsById;

    private FrozenLeaderboard(string[] ids, double[] scores, int[] ranks, int[] positionsById)
    {
        (_ids, _scores, _ranks, _positionsById) = (ids, scores, ranks, positionsById);
    }

    public static FrozenLeaderboard Empty { get; } = new([], [], [], []);

    public int Count => _ids.Length;

    /// <summary>The listing in rank order, for a snapshot; <see cref="FromListing"/> takes it back.</summary>
    internal (string[] Ids, double[] Scores) Listing => (_ids, _scores);

    /// <summary>
    /// Takes ownership of a listing already in order (score descending, then id ordinal); ranks are derived.
    /// </summary>
    internal static FrozenLeaderboard FromListing(string[] ids, double[] scores)
    {
        var ranks = new int[ids.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = i > 0 && scores[i] == scores[i - 1] ? ranks[i - 1] : i + 1;
        }
        var positionsById = new int[ids.Length];
        for (var i = 0; i < positionsById.Length; i++)
        {
            positionsById[i] = i;
        }
        Array.Sort((string[])ids.Clone(), positionsById, StringComparer.Ordinal);
        return new FrozenLeaderboard(ids, scores, ranks, positionsById);
    }

    /// <summary>Ranks members given in any order.</summary>
    public static FrozenLeaderboard Rank(IEnumerable<(string Id, double Score)> members)
    {
        var listed = members.ToArray();
        Array.Sort(listed, static (x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : string.CompareOrdinal(x.Id, y.Id));
        var (ids, scores) = (new string[listed.Length], new double[listed.Length]);
        for (var i = 0; i < listed.Length; i++)
        {
            (ids[i], scores[i]) = listed[i];
        }
        return FromListing(ids, scores);
    }

    public bool Contains(string id) => PositionOf(id) >= 0;

    public double? ScoreOf(string id) => PositionOf(id) is var position and >= 0 ? _scores[position] : null;

    public int? RankOf(string id) => PositionOf(id) is var position and >= 0 ? _ranks[position] : null;

    public int CountAt(double score) => FirstBelow(score) - FirstBelow(Math.BitIncrement(score));

    public IReadOnlyList<LeaderboardEntry> Page(int offset, int limit)
    {
        LeaderboardQuery.ValidatePage(offset, limit);
        return Slice(offset, limit);
    }

    public IReadOnlyList<LeaderboardEntry> Around(string id, int before, int after)
    {
        LeaderboardQuery.ValidateAround(before, after);
        var position = PositionOf(id);
        if (position < 0)
        {
            return [];
        }
        var start = Math.Max(0, position - before);
        return Slice(start, position - start + after + 1);
    }

    /// <summary>The first listing position whose score is below <paramref name="score"/> (the listing runs high to low).</summary>
    private int FirstBelow(double score)
    {
        var (low, high) = (0, _scores.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = _scores[middle] >= score ? (middle + 1, high) : (low, middle);
        }
        return low;
    }

    private LeaderboardEntry[] Slice(int start, int count)
    {
        var end = (int)Math.Min((long)start + count, Count);
        var entries = new LeaderboardEntry[Math.Max(0, end - start)];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new LeaderboardEntry(_ranks[start + i], _ids[start + i], _scores[start + i]);
        }
        return entries;
    }

    private int PositionOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var (low, high) = (0, _positionsById.Length);
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            var order = string.CompareOrdinal(_ids[_positionsById[mid]], id);
            if (order == 0)
            {
                return _positionsById[mid];
            }
            (low, high) = order < 0 ? (mid + 1, high) : (low, mid);
        }
        return -1;
    }
}
