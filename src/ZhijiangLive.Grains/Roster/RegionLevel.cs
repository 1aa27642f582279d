namespace ZhijiangLive.Grains.Roster;

public enum RegionLevel
{
    Unspecified = 0,
    Province = 1,
    City = 2,
    County = 3,
}
