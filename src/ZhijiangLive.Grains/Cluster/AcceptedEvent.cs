using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>An event as the journal took it: when it was accepted, and its position (0 when not journaled).</summary>
public readonly record struct AcceptedEvent(ActivityEvent Event, DateTimeOffset AcceptedAt, long Position);
