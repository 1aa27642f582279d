using System.Runtime.InteropServices;

namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// A ranking by any finite score (schools and regions by mean score, ~12,000 members at most): one array
/// kept in listing order. Lookups are binary searches; an update moves part of the array (a memmove of
/// at most ~200 KB), cheap at the coalesced update rates of schools and regions.
/// </summary>
public sealed class SortedLeaderboard : ILeaderboard
{
    private readonly Dictionary<string, double> _scores = new(StringComparer.Ordinal);
    private readonly List<Member> _listing = [];

    public int Count => _listing.Count;

    public bool Contains(string id) => TryGetScore(id, out _);

    public double? ScoreOf(string id) => TryGetScore(id, out var score) ? score : null;

    /// <exception cref="ArgumentException">The score is NaN or infinite.</exception>
    public void Set(string id, double score)
    {
        LeaderboardQuery.ValidateId(id);
        if (!double.IsFinite(score))
        {
            throw new ArgumentException($"a leaderboard score must be finite; {score} is not.", nameof(score));
        }
        score += 0.0; // -0.0 becomes 0.0, so a tie with 0 also reads as one
        ref var current = ref CollectionsMarshal.GetValueRefOrAddDefault(_scores, id, out var exists);
        if (exists)
        {
            if (current == score)
            {
                return;
            }
            _listing.RemoveAt(_listing.BinarySearch(new Member(current, id)));
        }
        current = score;
        _listing.Insert(~_listing.BinarySearch(new Member(score, id)), new Member(score, id));
    }

    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_scores.Remove(id, out var score))
        {
            return false;
        }
        _listing.RemoveAt(_listing.BinarySearch(new Member(score, id)));
        return true;
    }

    public IReadOnlyList<LeaderboardEntry> Page(int offset, int limit)
    {
        LeaderboardQuery.ValidatePage(offset, limit);
        return Slice(offset, limit);
    }

    public int? RankOf(string id) => TryGetScore(id, out var score) ? CountAbove(score) + 1 : null;

    public int CountAt(double score) => CountAbove(Math.BitDecrement(score)) - CountAbove(score);

    public IReadOnlyList<LeaderboardEntry> Around(string id, int before, int after)
    {
        LeaderboardQuery.ValidateAround(before, after);
        if (!TryGetScore(id, out var score))
        {
            return [];
        }
        var position = _listing.BinarySearch(new Member(score, id));
        var start = Math.Max(0, position - before);
        return Slice(start, position - start + after + 1);
    }

    public void ResetScores()
    {
        var listing = CollectionsMarshal.AsSpan(_listing);
        foreach (ref var member in listing)
        {
            member = new Member(0, member.Id);
            _scores[member.Id] = 0;
        }
        listing.Sort();
    }

    public FrozenLeaderboard Freeze()
    {
        var ids = new string[Count];
        var scores = new double[Count];
        for (var i = 0; i < ids.Length; i++)
        {
            (scores[i], ids[i]) = _listing[i];
        }
        return FrozenLeaderboard.FromListing(ids, scores);
    }

    private bool TryGetScore(string id, out double score)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _scores.TryGetValue(id, out score);
    }

    // The empty id sorts before every real one, so the search lands on the first member with this score.
    private int CountAbove(double score) => ~_listing.BinarySearch(new Member(score, ""));

    private List<LeaderboardEntry> Slice(int start, int count)
    {
        var end = (int)Math.Min((long)start + count, Count);
        var entries = new List<LeaderboardEntry>(Math.Max(0, end - start));
        for (var position = start; position < end; position++)
        {
            var (score, id) = _listing[position];
            var rank = position == start ? CountAbove(score) + 1
                : score == _listing[position - 1].Score ? entries[^1].Rank
                : position + 1;
            entries.Add(new LeaderboardEntry(rank, id, score));
        }
        return entries;
    }

    /// <summary>A listing line; its natural order is the listing order (score descending, then id ordinal).</summary>
    private readonly record struct Member(double Score, string Id) : IComparable<Member>
    {
        public int CompareTo(Member other) =>
            Score != other.Score ? other.Score.CompareTo(Score) : string.CompareOrdinal(Id, other.Id);
    }
}
