using Orleans;

namespace ZhijiangLive.Grains.Roster;

[GenerateSerializer, Alias("zl.RegionLevel")]
public enum RegionLevel
{
    Unspecified = 0,
    Province = 1,
    City = 2,
    County = 3,
}
