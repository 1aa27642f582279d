using Orleans;

namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>One line of a ranking: competition rank (ties share it), member id and score.</summary>
[GenerateSerializer, Alias("zl.LeaderboardEntry")]
public readonly record struct LeaderboardEntry(int Rank, string Id, double Score);
