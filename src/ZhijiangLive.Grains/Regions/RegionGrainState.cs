using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Regions;

public sealed class RegionGrainState
{
    public RegionEntry? Entry { get; set; }
    public required RegionFigures Figures { get; init; }
    public List<RegionSubscription> Subscriptions { get; } = [];
}
