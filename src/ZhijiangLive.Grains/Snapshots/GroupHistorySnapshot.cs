using Orleans;

namespace ZhijiangLive.Grains.Snapshots;

/// <summary>
/// What a school or region keeps of closed periods (their figures, and a region's published monthly school
/// rankings) as bytes. Unlike the live figures, these cannot be rebuilt from the teachers' reports.
/// <see cref="Version"/> is the history's count of closings.
/// </summary>
[GenerateSerializer, Alias("zl.GroupHistorySnapshot")]
public sealed record GroupHistorySnapshot(string Kind, string Key, long Version, byte[] State);
