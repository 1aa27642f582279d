namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>Argument checks shared by every leaderboard; the API layer maps the exception to INVALID_ARGUMENT.</summary>
public static class LeaderboardQuery
{
    public const int MaxLimit = 1000;

    public static void ValidatePage(int offset, int limit)
    {
        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be 0 or more.");
        }
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be between 1 and {MaxLimit}.");
        }
    }

    public static void ValidateAround(int before, int after)
    {
        if (before is < 0 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(before), before, $"before must be between 0 and {MaxLimit}.");
        }
        if (after is < 0 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(after), after, $"after must be between 0 and {MaxLimit}.");
        }
    }

    /// <summary>Rejects ids that cannot be ranked: null or empty.</summary>
    public static void ValidateId(string id) => ArgumentException.ThrowIfNullOrEmpty(id);
}
