namespace ZhijiangLive.Storage;

/// <summary>
/// A grain's state as of a journal position. <see cref="Version"/> only grows for one grain: a store keeps
/// the highest version it was given, so a slow writer with an older state never overwrites a newer one.
/// </summary>
public sealed record GrainSnapshot(string Kind, string Key, long Version, long Position, byte[] State);
