using Orleans;

namespace ZhijiangLive.Grains.Snapshots;

/// <summary>A teacher grain's state as bytes, with the snapshot's version and the journal position it covers.</summary>
[GenerateSerializer, Alias("zl.TeacherSnapshot")]
public sealed record TeacherSnapshot(string TeacherId, long Version, long Covered, byte[] State);
