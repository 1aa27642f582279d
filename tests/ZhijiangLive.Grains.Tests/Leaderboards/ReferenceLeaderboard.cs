using ZhijiangLive.Grains.Leaderboards;

namespace ZhijiangLive.Grains.Tests.Leaderboards;

/// <summary>The obvious implementation: a dictionary, fully sorted and ranked on every question.</summary>
public sealed class ReferenceLeaderboard
{
    private readonly Dictionary<string, double> _scores = new(StringComparer.Ordinal);

    public int Count => _scores.Count;

    public IEnumerable<string> Ids => _scores.Keys;

    public double? ScoreOf(string id) => _scores.TryGetValue(id, out var score) ? score : null;

    public void Set(string id, double score) => _scores[id] = score;

    public bool Remove(string id) => _scores.Remove(id);

    public void ResetScores()
    {
        foreach (var id in _scores.Keys.ToList())
        {
            _scores[id] = 0;
        }
    }

    /// <summary>Sorted by score, then id; a rank is 1 + the number of members scoring strictly higher.</summary>
    public List<LeaderboardEntry> Listing()
    {
        var higher = new Dictionary<double, int>();
        var seen = 0;
        foreach (var group in _scores.Values.GroupBy(score => score).OrderByDescending(group => group.Key))
        {
            higher[group.Key] = seen;
            seen += group.Count();
        }
        return _scores
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new LeaderboardEntry(1 + higher[pair.Value], pair.Key, pair.Value))
            .ToList();
    }
}
