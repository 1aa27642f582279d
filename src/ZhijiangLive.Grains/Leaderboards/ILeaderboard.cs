namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// A live ranking owned by one grain: not thread-safe, meant to be called one turn at a time.
/// </summary>
public interface ILeaderboard : IReadOnlyLeaderboard
{
    /// <summary>Adds the member or moves it to <paramref name="score"/>.</summary>
    void Set(string id, double score);

    bool Remove(string id);

    /// <summary>Period rollover: every member scores 0 and stays a member.</summary>
    void ResetScores();

    /// <summary>An immutable snapshot of the current ordering, unaffected by later changes.</summary>
    FrozenLeaderboard Freeze();
}
