using Orleans;
using Orleans.Concurrency;

namespace ZhijiangLive.Grains.Regions;

/// <summary>A follower of a region (a grain observer): one update per notify interval in which the region changed.</summary>
[Alias("zl.IRegionFollower")]
public interface IRegionFollower : IGrainObserver
{
    [OneWay, Alias("Update")]
    Task UpdateAsync(RegionUpdate update);
}
