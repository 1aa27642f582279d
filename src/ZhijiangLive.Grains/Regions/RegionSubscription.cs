using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// A follower of a region. <see cref="OnUpdate"/> runs on the region's partition: it must hand the update
/// off and return at once (keep the latest, never block).
/// </summary>
public sealed record RegionSubscription(long Id, Period Period, Action<RegionUpdate> OnUpdate);
